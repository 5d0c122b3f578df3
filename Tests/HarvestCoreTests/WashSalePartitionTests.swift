import SeededRandom
import XCTest

@testable import HarvestCore

/// The engine sweeps big histories in partitions of groups side by side and merges their
/// results; whatever the number of partitions, the result and the errors must be exactly
/// those of one sweep over everything.
final class WashSalePartitionTests: XCTestCase {
  static let accounts: [String: Account] = [
    "Main": Account(name: "Main"),
    "Joint": Account(name: "Joint", kind: .taxable, owner: .spouse),
    "Retire": Account(name: "Retire", kind: .ira),
    "Roth": Account(name: "Roth", kind: .roth),
  ]
  static let identical = ["VOO": "sp500", "IVV": "sp500", "QQQ": "nasdaq", "QQQM": "nasdaq"]
  /// Symbols and the asset column they are written with.
  static let symbols: [(symbol: String, asset: String)] = [
    ("ABC", ""), ("XYZ", ""), ("VOO", ""), ("IVV", ""), ("QQQ", ""), ("QQQM", ""),
    ("BTC", "digital"), ("ETH", "digital"), ("TOKN", "tokenized"),
  ]

  /// A lot as the generator follows it, to write sales that name it.
  struct Lot {
    var account: String
    var symbol: String
    var name: String?
    var acquired: CivilDate
    var shares: Int
  }

  /// A random history as a trades file. With `errors`, some sales sell shares that are not
  /// held, name lots that do not exist or reuse a lot name; without, every sale should be
  /// covered (the generator follows lots only roughly, so an error is still possible).
  static func history(seed: UInt64, rows: Int, errors: Bool) -> String {
    var random = SplitMix64(seed: seed)
    var lots: [Lot] = []
    var held: [String: Int] = [:]
    var prices: [String: Int] = [:]
    for (symbol, _) in symbols { prices[symbol] = 1_000 + random.below(9_000) }
    var day = CivilDate(iso: "2024-12-05")!
    var text = "date,account,action,symbol,quantity,price,fees,lot,acquired,form,asset\n"
    for row in 0..<rows {
      if random.chance(12) { day = day.adding(days: 1 + random.below(4)) }
      let account = random.pick(["Main", "Main", "Joint", "Retire", "Roth"])
      let (symbol, asset) = random.pick(symbols)
      let key = account + "/" + symbol
      let price = max(1, prices[symbol]! + random.below(601) - 320)
      prices[symbol] = price
      let form = asset.isEmpty ? "" : "1099-DA"
      var lot = "", acquired = "", quantity = 0, action = "buy"

      let owned = held[key, default: 0]
      if (owned > 0 && random.chance(45)) || (errors && random.chance(8)) {
        action = "sell"
        quantity = owned > 0 ? 1 + random.below(owned) : 1 + random.below(20)
        if errors && random.chance(15) { quantity += 1 + random.below(30) }
        // In the order shares leave the account: by acquisition, then as bought.
        let mine = lots.indices.filter {
          lots[$0].account == account && lots[$0].symbol == symbol && lots[$0].shares > 0
        }.sorted { (lots[$0].acquired, $0) < (lots[$1].acquired, $1) }
        if let index = mine.last, lots[index].name != nil, random.chance(30) {
          lot = lots[index].name!
          quantity = errors ? quantity : min(quantity, lots[index].shares)
          lots[index].shares -= min(quantity, lots[index].shares)
        } else if let index = mine.first, random.chance(20) {
          lot = lots[index].acquired.description
          quantity = errors ? quantity : min(quantity, lots[index].shares)
          lots[index].shares -= min(quantity, lots[index].shares)
        } else if errors && random.chance(5) {
          lot = "NOPE\(row)"
        } else {
          var left = quantity
          for index in mine where left > 0 {
            let taken = min(left, lots[index].shares)
            lots[index].shares -= taken
            left -= taken
          }
        }
        held[key] = max(0, owned - quantity)
      } else {
        quantity = 1 + random.below(40)
        var acquiredDate = day
        if random.chance(10) {
          acquiredDate = day.adding(days: -(20 + random.below(900)))
          acquired = acquiredDate.description
        } else if random.chance(4) {
          acquired = "INHERITED"
        }
        var name: String?
        if random.chance(35) {
          name = errors && random.chance(10) && !lots.isEmpty ? "L\(random.below(row))" : "L\(row)"
          lot = name!
        }
        lots.append(
          Lot(
            account: account, symbol: symbol, name: name, acquired: acquiredDate,
            shares: quantity))
        held[key] = owned + quantity
      }
      let fees = random.chance(20) ? random.below(500) : 0
      text +=
        "\(day),\(account),\(action),\(symbol),\(quantity),"
        + "\(Price(micros: Int64(price) * 10_000)),\(Money(cents: Int64(fees))),"
        + "\(lot),\(acquired),\(form),\(asset)\n"
    }
    return text
  }

  /// The same trades with the days in reverse order, each day's rows in their own order.
  static func daysReversed(_ csv: String) -> String {
    let lines = csv.split(separator: "\n")
    var days: [[Substring]] = []
    for line in lines.dropFirst() {
      if let last = days.last?.last, last.prefix(10) == line.prefix(10) {
        days[days.count - 1].append(line)
      } else {
        days.append([line])
      }
    }
    return ([lines[0]] + days.reversed().joined()).joined(separator: "\n") + "\n"
  }

  /// What a run gives: the result, or the errors it throws.
  enum Outcome: Equatable {
    case result(
      dispositions: [Disposition], matches: [WashSaleMatch], held: [HeldParcel],
      windows: [IncompleteWindow])
    case errors([InputError], truncated: Bool)
  }

  static func outcome(
    _ book: TradeBook, _ configuration: WashSaleEngine.Configuration, partitions: Int
  ) -> Outcome {
    do {
      let result = try WashSaleEngine.run(book, configuration, partitions: partitions)
      return .result(
        dispositions: result.dispositions, matches: result.matches,
        held: result.heldAtSnapshot, windows: result.incompleteWindows)
    } catch {
      return .errors(error.errors, truncated: error.truncated)
    }
  }

  func testPartitionedSweepsGiveTheResultAndErrorsOfOneSweep() throws {
    var results = 0, refusals = 0
    for seed in 0..<UInt64(120) {
      let errors = seed % 3 == 2
      var csv = Self.history(seed: seed, rows: 150 + Int(seed % 7) * 60, errors: errors)
      // Some files list their days latest first, so the sweeps put the trades in date order.
      if seed % 6 == 1 { csv = Self.daysReversed(csv) }
      let book = try TradeFileReader.read(bytes: Array(csv.utf8), file: "trades.csv")
      let first = CivilDate.startOfYear(2025), last = CivilDate.endOfYear(2025)
      let thisYear: @Sendable (Trade) -> Bool = { $0.date >= first && $0.date <= last }
      let configuration = WashSaleEngine.Configuration(
        accounts: Self.accounts, identicalGroups: Self.identical,
        convention: seed % 2 == 0 ? .tacked : .original,
        snapshotDay: seed % 5 == 0 ? nil : last,
        recordsSale: seed % 4 == 0 ? nil : thisYear)

      let tables = WashSaleTables(book, configuration)
      XCTAssertEqual(WashSalePartitions.members(book, tables, count: 3).count, 3, "seed \(seed)")
      let single = Self.outcome(book, configuration, partitions: 1)
      for partitions in [2, 3] {
        let split = Self.outcome(book, configuration, partitions: partitions)
        XCTAssertEqual(split, single, "seed \(seed), \(partitions) partitions")
      }
      if case .result(let dispositions, let matches, _, _) = single {
        if !dispositions.isEmpty && !matches.isEmpty { results += 1 }
      } else {
        refusals += 1
      }
    }
    // Both kinds of outcome are compared, many times over.
    XCTAssertGreaterThan(results, 40)
    XCTAssertGreaterThan(refusals, 30)
  }

  /// A day of many buys alternating between two accounts puts the insertion sort of a file
  /// in date order past its budget, so the group is sorted outright: the report must be the
  /// one a file listing its days latest first gives, which is always sorted outright.
  func testADayOfAlternatingBuysGivesTheSameReportEitherWay() throws {
    var csv = "date,account,action,symbol,quantity,price,fees\n"
    for index in 0..<600 {
      csv += "2025-03-03,\(index % 2 == 0 ? "B" : "A"),buy,XYZ,1,\(100 + index % 7),0\n"
    }
    for day in 4...20 {
      csv += "2025-03-\(day < 10 ? "0" : "")\(day),\(day % 2 == 0 ? "A" : "B"),sell,XYZ,20,90,0\n"
      csv += "2025-03-\(day < 10 ? "0" : "")\(day),A,buy,XYZ,5,95,0\n"
    }
    func files(_ text: String) throws -> (String, String) {
      let book = try TradeFileReader.read(bytes: Array(text.utf8), file: "t.csv")
      let report = try YearReportBuilder.build(book, .init(taxYear: 2025))
      return (
        String(decoding: ReportCSV.form8949(report.rows), as: UTF8.self),
        String(decoding: ReportCSV.washSales(report.washSales), as: UTF8.self)
      )
    }
    let forward = try files(csv)
    let reversed = try files(Self.daysReversed(csv))
    XCTAssertEqual(forward.0, reversed.0)
    XCTAssertEqual(forward.1, reversed.1)
    // Each of the 17 sales was a loss ($90 against $100–$106) replaced within 30 days, so
    // each has at least one wash-sale line under the header.
    XCTAssertGreaterThan(forward.1.split(separator: "\n").count, 17)
  }

  func testSameDaySalesGoByPurchaseThenHoldingWhateverTheFileOrder() throws {
    // ZZZ and AAA are bought the same day in one account, so AAA's purchase ranks first by
    // symbol; QQQ and XYZ are sold out before 01-10, so their sales there take from no
    // purchase and come last, by the order their holdings first appeared (XYZ, then QQQ).
    let csv = trades(
      """
      2025-01-02,Main,buy,XYZ,1,10,0
      2025-01-02,Main,buy,QQQ,1,10,0
      2025-01-03,Main,buy,ZZZ,10,10,0
      2025-01-03,Main,buy,AAA,10,10,0
      2025-01-04,Main,sell,XYZ,1,10,0
      2025-01-04,Main,sell,QQQ,1,10,0
      2025-01-10,Main,sell,QQQ,1,10,0
      2025-01-10,Main,sell,XYZ,1,10,0
      2025-01-10,Main,sell,ZZZ,4,9,0
      2025-01-10,Main,sell,AAA,4,9,0
      """)
    let book = try TradeFileReader.read(bytes: Array(csv.utf8), file: "trades.csv")
    for partitions in [1, 2] {
      guard case .errors(let errors, _) = Self.outcome(book, .init(), partitions: partitions)
      else { return XCTFail("the sales of sold-out holdings must fail") }
      XCTAssertEqual(errors.map(\.line), [9, 8], "\(partitions) partitions")
    }

    var valid = book
    valid.trades.removeSubrange(6...7)
    for partitions in [1, 2] {
      let result = try WashSaleEngine.run(valid, .init(), partitions: partitions)
      XCTAssertEqual(result.dispositions.map(\.sale), [5, 4, 7, 6], "\(partitions) partitions")
    }
  }

  func testSameDaySalesOfOneHoldingFollowTheBrokersOrderNotTheRows() throws {
    // The broker's order puts the second row's sale first: it takes the first 3 shares at
    // $10, and the first row's sale the next 3 (2 at $10, 1 at $20).
    let csv = trades(
      """
      2025-01-02,Main,buy,ABC,5,10,0
      2025-01-03,Main,buy,ABC,5,20,0
      2025-01-03,Main,buy,XYZ,5,20,0
      2025-01-10,Main,sell,ABC,3,30,0
      2025-01-10,Main,sell,ABC,3,30,0
      2025-01-10,Main,sell,XYZ,3,30,0
      """)
    var book = try TradeFileReader.read(bytes: Array(csv.utf8), file: "trades.csv")
    XCTAssertEqual(book.trades[3].dayOrdinal, 0)
    book.trades[3].dayOrdinal = 1
    book.trades[4].dayOrdinal = 0
    let result = try WashSaleEngine.run(book, .init(), partitions: 1)
    XCTAssertEqual(result.dispositions.map(\.sale), [4, 3, 3, 5])
    XCTAssertEqual(
      result.dispositions.map(\.cost), [3000, 2000, 2000, 6000].map { Money(cents: $0) })
  }

  func testAPurchaseKeepsItsRestAsAParcelWithoutAdjustment() {
    var purchase = Purchase(
      trade: 4, date: date("2025-03-03"), shares: Shares(units: 3 * Shares.scale),
      cost: Money(cents: 1_000), holding: .date(date("2024-01-02")), isPurchase: false,
      inTaxableAccount: true)
    // $10.00 over 3 shares: one share takes $3.33, the other two keep $6.67.
    let part = purchase.splitRest(Shares(units: Shares.scale))
    XCTAssertEqual(
      part,
      Parcel(
        shares: Shares(units: Shares.scale), cost: Money(cents: 333), washAdded: .zero,
        holding: .date(date("2024-01-02")), originSale: -1))
    XCTAssertEqual(purchase.rest.cost, Money(cents: 667))
    XCTAssertEqual(purchase.heldShares, Shares(units: 2 * Shares.scale))
    // Dense enough that the purchases a sale reads share cache lines.
    XCTAssertLessThanOrEqual(MemoryLayout<Purchase>.stride, 48)
  }

  func testLongTermByDaysHeldAgreesWithTheAnniversary() {
    // Every acquisition day of 2019 through 2025 (leap years and month ends included), sold
    // around its first anniversary and well before and after it.
    var acquired = date("2019-01-01")
    while acquired <= date("2025-12-31") {
      for days in [0, 200, 363, 364, 365, 366, 367, 368, 500] {
        let sold = acquired.adding(days: days)
        XCTAssertEqual(
          WashSaleEngine.isLongTerm(.date(acquired), soldOn: sold),
          HoldingStart.date(acquired).isLongTerm(soldOn: sold), "\(acquired) sold \(sold)")
      }
      acquired = acquired.adding(days: 1)
    }
    XCTAssertTrue(WashSaleEngine.isLongTerm(.inherited, soldOn: date("2025-01-02")))
  }

  func testMergingIntoTheFirstPartKeepsEachSalesItemsInTheOrderOfTheSales() {
    func log(_ sales: [Int32]) -> [WashSaleEngine.SaleLogEntry] {
      sales.map {
        .init(sale: $0, date: 0, acquired: 0, accountRank: 0, symbolRank: 0, holding: 0)
      }
    }
    func merged(_ parts: [[String]], _ logs: [[Int32]], picks: [UInt8]) -> [String] {
      var first = parts[0]
      WashSalePartitions.mergeBySale(
        into: &first, [[]] + parts.dropFirst(), picks: picks, logs: logs.map(log)
      ) { item, sale in item.hasPrefix("\(sale)") }
      return first
    }

    // Sales 10 to 14 taken in turn; sale 12 left nothing, sale 13 two items.
    XCTAssertEqual(
      merged(
        [["10a", "10b", "14a"], ["11a", "13a", "13b"]], [[10, 12, 14], [11, 13]],
        picks: [0, 1, 0, 1, 0]),
      ["10a", "10b", "11a", "13a", "13b", "14a"])
    // The first part's items all go last, or all stay first.
    XCTAssertEqual(
      merged([["20a"], ["15a", "16a"]], [[20], [15, 16]], picks: [1, 1, 0]), ["15a", "16a", "20a"])
    XCTAssertEqual(
      merged([["15a", "15b"], ["16a"]], [[15], [16]], picks: [0, 1]), ["15a", "15b", "16a"])
    // Three parts, the first one empty.
    XCTAssertEqual(
      merged([[], ["17a"], ["18a", "19a"]], [[], [17], [18, 19]], picks: [2, 1, 2]),
      ["18a", "17a", "19a"])
  }

  func testGroupsAreDealtOutWholeAndBalanced() throws {
    let csv = Self.history(seed: 7, rows: 600, errors: false)
    let book = try TradeFileReader.read(bytes: Array(csv.utf8), file: "trades.csv")
    let tables = WashSaleTables(
      book, WashSaleEngine.Configuration(accounts: Self.accounts, identicalGroups: Self.identical))
    let lists = WashSalePartitions.members(book, tables, count: 2)

    XCTAssertEqual(lists.count, 2)
    XCTAssertEqual(lists.flatMap { $0 }.sorted(), Array(0..<Int32(book.trades.count)))
    for list in lists { XCTAssertEqual(list, list.sorted()) }
    // Symbols of one group, and each symbol, sit in one partition only.
    func partitions(of symbol: String) -> Set<Int> {
      Set(
        lists.indices.filter { index in
          lists[index].contains { book.symbols[book.trades[Int($0)].symbol] == symbol }
        })
    }
    for (symbol, _) in Self.symbols { XCTAssertEqual(partitions(of: symbol).count, 1, symbol) }
    XCTAssertEqual(partitions(of: "VOO"), partitions(of: "IVV"))
    XCTAssertEqual(partitions(of: "QQQ"), partitions(of: "QQQM"))
    // The heaviest group first, then each to the lighter side: neither side is more than the
    // heaviest group's size heavier than the other.
    let difference = abs(lists[0].count - lists[1].count)
    XCTAssertLessThan(difference, book.trades.count / 2)
  }

  func testASingleGroupIsNotSplit() throws {
    let csv = trades(
      """
      2025-01-02,Main,buy,ABC,10,100,0
      2025-01-03,Main,sell,ABC,5,90,0
      """)
    let book = try TradeFileReader.read(bytes: Array(csv.utf8), file: "trades.csv")
    let tables = WashSaleTables(book, WashSaleEngine.Configuration())
    XCTAssertEqual(WashSalePartitions.members(book, tables, count: 4), [[0, 1]])
  }
}
