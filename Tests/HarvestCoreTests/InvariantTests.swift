import HarvestCore
import SeededRandom
import XCTest

/// Conservation laws over the engine's whole history, checked on random valid histories with
/// frequent wash sales across a taxable account, a spouse's account and an IRA.
final class InvariantTests: XCTestCase {
  private struct Holding: Hashable {
    var account: Int32
    var symbol: Int32
  }

  func testSharesCostAndWashedDollarsAreConservedOverTheWholeHistory() throws {
    var washes = 0, permanent = 0, deferred = 0
    for seed in UInt64(1)...300 {
      let csv = HistoryGenerator.csv(seed: seed, rows: 40 + Int(seed % 80))
      let book = try TradeFileReader.read(bytes: Array(csv.utf8), file: "trades.csv")
      let last = try XCTUnwrap(book.lastDate)
      let result = try WashSaleEngine.run(
        book,
        WashSaleEngine.Configuration(
          accounts: HistoryGenerator.accounts, identicalGroups: HistoryGenerator.identical,
          snapshotDay: last))
      check(book, result, seed: seed)
      washes += result.matches.count
      permanent += result.matches.filter(\.isPermanent).count
      deferred += result.heldAtSnapshot.filter { $0.parcel.washAdded > .zero }.count
    }
    XCTAssertGreaterThan(washes, 1_000, "the histories should wash often")
    XCTAssertGreaterThan(permanent, 50, "some replacements should be in the IRA")
    XCTAssertGreaterThan(deferred, 50, "some washed losses should still be deferred")
  }

  private func check(_ book: TradeBook, _ result: EngineResult, seed: UInt64) {
    let trades = book.trades
    func holding(_ trade: Trade) -> Holding {
      Holding(account: trade.account, symbol: trade.symbol)
    }

    // Shares bought = shares sold + shares held, per account and symbol; cost likewise.
    var shares: [Holding: Int128] = [:]
    var cost = Int128(0)
    for trade in trades where trade.action == .buy {
      shares[holding(trade), default: 0] += Int128(trade.quantity.units)
      cost += Int128(trade.amount.cents)
    }
    var soldShares: [Int32: Int128] = [:]
    var soldProceeds: [Int32: Int128] = [:]
    for piece in result.dispositions {
      shares[holding(trades[Int(piece.sale)]), default: 0] -= Int128(piece.shares.units)
      soldShares[piece.sale, default: 0] += Int128(piece.shares.units)
      soldProceeds[piece.sale, default: 0] += Int128(piece.proceeds.cents)
      cost -= Int128(piece.cost.cents)
      XCTAssertEqual(
        holding(trades[Int(piece.purchase)]), holding(trades[Int(piece.sale)]),
        "seed \(seed): a sale drew from another account or symbol")
      let loss = piece.basis - piece.proceeds
      XCTAssertLessThanOrEqual(
        piece.disallowed, Money.max(loss, .zero),
        "seed \(seed): more disallowed than the loss, or a gain washed")
    }
    for held in result.heldAtSnapshot {
      shares[holding(trades[Int(held.purchase)]), default: 0] -= Int128(held.parcel.shares.units)
      cost -= Int128(held.parcel.cost.cents)
    }
    XCTAssertTrue(shares.values.allSatisfy { $0 == 0 }, "seed \(seed): shares not conserved")
    XCTAssertEqual(cost, 0, "seed \(seed): cost not conserved")
    for (index, trade) in trades.enumerated() where trade.action == .sell {
      XCTAssertEqual(soldShares[Int32(index)], Int128(trade.quantity.units), "seed \(seed)")
      XCTAssertEqual(soldProceeds[Int32(index)], Int128(trade.amount.cents), "seed \(seed)")
    }

    // Every washed dollar is permanently disallowed (IRA replacement), recovered in the basis
    // of a later sale, or still deferred in shares held.
    var washedAtSale = Int128(0), lost = Int128(0), added = Int128(0)
    var replacedShares: [Int32: Int128] = [:]
    for match in result.matches {
      let sale = trades[Int(match.sale)], replacement = trades[Int(match.replacement)]
      let replacementKind = HistoryGenerator.accounts[book.accounts[replacement.account]]?.kind
      XCTAssertEqual(match.isPermanent, replacementKind == .ira, "seed \(seed)")
      XCTAssertEqual(match.basisAdded, match.isPermanent ? .zero : match.disallowed)
      XCTAssertLessThanOrEqual(abs(replacement.date.days(since: sale.date)), 30, "seed \(seed)")
      XCTAssertEqual(HistoryGenerator.accounts[book.accounts[sale.account]]?.kind, .taxable)
      if match.isPermanent { lost += Int128(match.disallowed.cents) }
      added += Int128(match.basisAdded.cents)
      replacedShares[match.replacement, default: 0] += Int128(match.shares.units)
    }
    for (purchase, count) in replacedShares {
      XCTAssertLessThanOrEqual(
        count, Int128(trades[Int(purchase)].quantity.units),
        "seed \(seed): a share replaced twice")
    }
    let recovered = result.dispositions.reduce(Int128(0)) { $0 + Int128($1.washAdded.cents) }
    let stillDeferred = result.heldAtSnapshot.reduce(Int128(0)) {
      $0 + Int128($1.parcel.washAdded.cents)
    }
    for piece in result.dispositions { washedAtSale += Int128(piece.disallowed.cents) }
    XCTAssertEqual(washedAtSale, lost + added, "seed \(seed): matches against column (g)")
    XCTAssertEqual(
      added, recovered + stillDeferred,
      "seed \(seed): basis added = recovered on later sales + still deferred")
  }

  /// Histories with named lots, sales by lot date and lots transferred in with an earlier
  /// acquisition date: the generator keeps its own first-in-first-out books to stay valid.
  /// A day's purchases are booked before its sales, so a buy never follows a sale of the same
  /// account and symbol on one day (the generator moves to the next day instead).
  static func historyWithLots(seed: UInt64, rows: Int) -> String {
    struct Lot {
      var name: String
      var acquired: Int32
      var bought: Int32
      var ordinal: Int
      var left: Int64
    }
    var random = SplitMix64(seed: seed)
    var lots: [String: [Lot]] = [:]
    var lastSale: [String: Int32] = [:]
    var day = CivilDate(iso: "2024-12-01")!
    var text = "date,account,action,symbol,quantity,price,fees,lot,acquired,basis\n"
    for row in 0..<rows {
      if random.chance(40) { day = day.adding(days: 1 + random.below(5)) }
      let account = random.pick(["Main", "Joint", "Retire"])
      let symbol = random.pick(["VOO", "IVV", "ABC"])
      let key = account + "/" + symbol
      let price = "\(10 + random.below(30)).\(random.below(10))0"
      var open = lots[key, default: []].filter { $0.left > 0 }
      if !open.isEmpty && random.chance(45) {
        open.sort { ($0.acquired, $0.bought, $0.ordinal) < ($1.acquired, $1.bought, $1.ordinal) }
        let choice = random.below(3)
        var lot = ""
        var quantity: Int64
        if choice == 0 {
          quantity = 1 + Int64(random.below(Int(open.reduce(0) { $0 + $1.left })))
        } else {
          let target = random.pick(open)
          quantity = 1 + Int64(random.below(Int(target.left)))
          lot = target.name
          if choice == 2 {
            // By date only when the target's day holds no other lot, so the choice is clear.
            let sameDay = open.filter { $0.acquired == target.acquired }
            if sameDay.count == 1 { lot = "\(CivilDate(dayNumber: target.acquired))" }
          }
        }
        var remaining = quantity
        var all = lots[key, default: []]
        for index in all.indices.sorted(by: {
          (all[$0].acquired, all[$0].bought, all[$0].ordinal)
            < (all[$1].acquired, all[$1].bought, all[$1].ordinal)
        }) where remaining > 0 && all[index].left > 0 {
          if !lot.isEmpty && all[index].name != lot
            && "\(CivilDate(dayNumber: all[index].acquired))" != lot
          {
            continue
          }
          let taken = min(remaining, all[index].left)
          all[index].left -= taken
          remaining -= taken
        }
        lots[key] = all
        lastSale[key] = day.dayNumber
        text += "\(day),\(account),sell,\(symbol),\(quantity),\(price),0,\(lot),,\n"
      } else {
        if lastSale[key] == day.dayNumber { day = day.adding(days: 1) }
        let quantity = Int64(1 + random.below(30))
        let transferred = random.chance(15)
        let acquired = transferred ? day.adding(days: -random.below(900)) : day
        let name = "L\(row)"
        lots[key, default: []].append(
          Lot(
            name: name, acquired: acquired.dayNumber, bought: day.dayNumber, ordinal: row,
            left: quantity))
        text +=
          "\(day),\(account),buy,\(symbol),\(quantity),\(price),0,\(name),"
          + (transferred ? "\(acquired),\(random.below(2_000)).00" : ",") + "\n"
      }
    }
    return text
  }

  func testConservationHoldsWithNamedLotsLotDatesAndTransfers() throws {
    for seed in UInt64(1)...200 {
      let csv = InvariantTests.historyWithLots(seed: seed, rows: 60)
      let book = try TradeFileReader.read(bytes: Array(csv.utf8), file: "trades.csv")
      let last = try XCTUnwrap(book.lastDate)
      let result: EngineResult
      do {
        result = try WashSaleEngine.run(
          book,
          WashSaleEngine.Configuration(
            accounts: HistoryGenerator.accounts, identicalGroups: HistoryGenerator.identical,
            snapshotDay: last))
      } catch {
        XCTFail("seed \(seed): \(error)\n\(csv)")
        continue
      }
      check(book, result, seed: seed)
    }
  }

  func testReportRowsAddUpOnRandomHistories() throws {
    for seed in UInt64(1)...100 {
      let csv = HistoryGenerator.csv(seed: seed &+ 1_000, rows: 80)
      let book = try TradeFileReader.read(bytes: Array(csv.utf8), file: "trades.csv")
      let report = try YearReportBuilder.build(
        book,
        .init(
          taxYear: 2025, filingStatus: .marriedFilingJointly, accounts: HistoryGenerator.accounts,
          identicalGroups: HistoryGenerator.identical))
      XCTAssertFalse(report.rows.contains { $0.account == "Retire" }, "seed \(seed)")
      FuzzTests.checkReport(report, seed: seed)
    }
  }
}
