import HarvestCore
import XCTest

/// Hand-worked harvesting plans: each figure below is worked from the trades in the test.
final class PlanTests: XCTestCase {
  private let header = "date,account,action,symbol,quantity,price,fees,lot\n"
  private let planDate = date("2025-12-15")

  private func plan(
    _ rows: String, prices: [String: String], status: FilingStatus = .single,
    accounts: [Account] = [], identical: [String: String] = [:],
    substitutes: [String: String] = [:], ordinaryRate: String? = nil,
    longTermRate: String? = nil
  ) throws -> HarvestPlan {
    let book = try TradeFileReader.read(bytes: Array((header + rows).utf8), file: "trades.csv")
    var byName: [String: Account] = [:]
    for account in accounts { byName[account.name] = account }
    var priceList: [String: Price] = [:]
    for (symbol, text) in prices {
      priceList[symbol] = Price(
        micros: try DecimalText.parse(
          text, .init(decimals: 6, allowsDollarSign: false, limit: .max / 2)))
    }
    return try HarvestPlanner.plan(
      book,
      HarvestPlanSettings(
        date: planDate, prices: priceList, filingStatus: status, accounts: byName,
        identicalGroups: identical, substitutes: substitutes,
        ordinaryRate: ordinaryRate.flatMap { TaxRate(percent: $0) },
        longTermRate: longTermRate.flatMap { TaxRate(percent: $0) }))
  }

  /// Appends the plan's recommended-sales.csv to the trades and builds the year's report.
  private func reportAfterAppending(
    _ rows: String, _ plan: HarvestPlan, accounts: [Account] = [],
    identical: [String: String] = [:]
  ) throws -> YearReport {
    let sales = String(decoding: PlanCSV.recommendedSales(plan), as: UTF8.self)
    let appended =
      header + rows
      + sales.split(separator: "\n").dropFirst()
      .map { $0 + "\n" }.joined()
    return try makeReport(appended, year: 2025, accounts: accounts, identical: identical)
  }

  // MARK: The $720 example

  /// No gains so far, so the target is the $3,000 limit. XYZ: 100 shares bought for
  /// $5,000.00, worth $2,000.00, a short-term loss of $3,000.00, the larger loss, so it is
  /// taken first and reaches the target alone; ABC's $1,000.00 long-term loss is left.
  /// $3,000 of ordinary deduction at 24% saves $720.00.
  func testThreeThousandOfOrdinaryOffsetAtTwentyFourPercentSavesSevenTwenty() throws {
    let rows = """
      2023-06-01,Brokerage,buy,ABC,10,300,0,
      2025-03-03,Brokerage,buy,XYZ,100,50,0,

      """
    let result = try plan(rows, prices: ["XYZ": "20", "ABC": "200"], ordinaryRate: "24")

    XCTAssertEqual(result.realizedNet, .zero)
    XCTAssertEqual(result.targetLoss, money("3000.00"))
    XCTAssertEqual(result.lots.map(\.symbol), ["XYZ", "ABC"])
    XCTAssertEqual(result.lots.map(\.recommended), [true, false])
    XCTAssertEqual(result.lots[0].loss, money("3000.00"))
    XCTAssertFalse(result.lots[0].isLongTerm)
    XCTAssertEqual(result.lots[1].loss, money("1000.00"))
    XCTAssertTrue(result.lots[1].isLongTerm)
    XCTAssertEqual(result.recommendedShortTermLoss, money("3000.00"))
    XCTAssertEqual(result.recommendedLongTermLoss, .zero)
    XCTAssertEqual(result.estimatedTaxSaved, money("720.00"))
    XCTAssertEqual(result.carriedForward, .zero)
    XCTAssertEqual(
      String(decoding: PlanCSV.summary(result), as: UTF8.self),
      """
      item,amount
      realized_short_term,0.00
      realized_long_term,0.00
      recommended_loss,3000.00
      estimated_tax_saved,720.00
      carried_forward,0.00

      """)
    XCTAssertEqual(
      String(decoding: PlanCSV.recommendedSales(result), as: UTF8.self),
      """
      date,account,action,symbol,quantity,price,fees,lot
      2025-12-15,Brokerage,sell,XYZ,100,20.00,0.00,2025-03-03

      """)
  }

  func testWithoutRatesTheSavingIsEmpty() throws {
    let result = try plan("2025-03-03,Brokerage,buy,XYZ,100,50,0,\n", prices: ["XYZ": "20"])
    XCTAssertNil(result.estimatedTaxSaved)
    XCTAssertTrue(
      String(decoding: PlanCSV.summary(result), as: UTF8.self)
        .contains("estimated_tax_saved,\n"))
  }

  // MARK: Wash checks

  /// Ten IRA shares bought on 2025-12-05, ten days before the plan date, would replace ten
  /// of the sold shares and disallow that part of the loss for good.
  func testIRAPurchaseTenDaysBeforeBlocksTheTaxableLot() throws {
    let rows = """
      2025-01-10,Brokerage,buy,XYZ,100,50,0,
      2025-12-05,IRA,buy,XYZ,10,21,0,

      """
    let result = try plan(
      rows, prices: ["XYZ": "20"],
      accounts: [Account(name: "IRA", kind: .ira)])

    XCTAssertEqual(result.lots.count, 1)
    let lot = result.lots[0]
    XCTAssertEqual(lot.account, "Brokerage")
    XCTAssertFalse(lot.recommended)
    XCTAssertEqual(PlanCSV.washedByText(lot), "IRA 2025-12-05")
    XCTAssertEqual(lot.washedBy.first?.clearsOn, date("2026-01-05"))
    XCTAssertTrue(lot.fix?.contains("wait until 2026-01-05") == true, lot.fix ?? "")
    XCTAssertTrue(result.sales.isEmpty)
    XCTAssertTrue(result.doNotBuy.isEmpty)
    XCTAssertEqual(result.recommendedLoss, .zero)
  }

  /// 100 XYZ bought in February for $5,000.00 and 50 bought on 2025-12-01 for $1,500.00,
  /// all worth $20: the February lot alone would be washed by the December shares, but one
  /// sale of all 150 shares has no replacement left, so the whole $3,500.00 loss counts.
  func testSellingEveryShareRecentPurchasesIncludedIsWashFree() throws {
    let rows = """
      2025-02-03,Brokerage,buy,XYZ,100,50,0,
      2025-12-01,Brokerage,buy,XYZ,50,30,0,

      """
    let result = try plan(rows, prices: ["XYZ": "20"])

    XCTAssertEqual(result.lots.map(\.lotDate), [date("2025-02-03"), date("2025-12-01")])
    XCTAssertEqual(result.lots.map(\.recommended), [true, true])
    XCTAssertEqual(result.lots.map(\.isWashed), [false, false])
    XCTAssertEqual(
      result.sales,
      [
        PlannedSale(
          date: planDate, account: "Brokerage", symbol: "XYZ", shares: Shares(whole: 150),
          price: Price(micros: 20_000_000), lotDate: nil)
      ])
    XCTAssertEqual(result.recommendedShortTermLoss, money("3500.00"))
    XCTAssertEqual(result.carriedForward, money("500.00"))

    let report = try reportAfterAppending(rows, result)
    XCTAssertFalse(report.rows.contains { $0.code == "W" })
    XCTAssertEqual(report.rows.map(\.gainLoss), [money("-3000.00"), money("-500.00")])
  }

  /// The same February lot when the December shares were bought in another account: no
  /// single sale can take them, so the lot is washed and the fix is to wait.
  func testRecentPurchaseInAnotherAccountStillBlocks() throws {
    let rows = """
      2025-02-03,Brokerage,buy,XYZ,100,50,0,
      2025-12-01,Spouse,buy,XYZ,50,30,0,

      """
    let result = try plan(
      rows, prices: ["XYZ": "20"], status: .marriedFilingJointly,
      accounts: [Account(name: "Spouse", owner: .spouse)])
    let february = try XCTUnwrap(result.lots.first { $0.account == "Brokerage" })
    XCTAssertFalse(february.recommended)
    XCTAssertEqual(PlanCSV.washedByText(february), "Spouse 2025-12-01")
    XCTAssertTrue(february.fix?.hasPrefix("wait until 2026-01-01") == true, february.fix ?? "")
  }

  /// VOO and IVV are declared identical. An IVV purchase on 2025-11-15, 30 days before the
  /// plan date, washes a VOO loss; one on 2025-11-14, 31 days before, does not.
  func testIdenticalGroupPurchaseBlocksInsideTheWindowOnly() throws {
    let identical = ["VOO": "sp500", "IVV": "sp500"]
    let inside = """
      2025-01-02,Brokerage,buy,VOO,10,500,0,
      2025-11-15,Joint,buy,IVV,1,450,0,

      """
    let washed = try plan(inside, prices: ["VOO": "400", "IVV": "440"], identical: identical)
    let voo = try XCTUnwrap(washed.lots.first { $0.symbol == "VOO" })
    XCTAssertEqual(PlanCSV.washedByText(voo), "Joint IVV 2025-11-15")
    XCTAssertFalse(voo.recommended)

    let outside = inside.replacingOccurrences(of: "2025-11-15", with: "2025-11-14")
    let clean = try plan(
      outside, prices: ["VOO": "400", "IVV": "440"], identical: identical,
      substitutes: ["VOO": "VTI"])
    let harvested = try XCTUnwrap(clean.lots.first { $0.symbol == "VOO" })
    XCTAssertFalse(harvested.isWashed)
    XCTAssertTrue(harvested.recommended)
    XCTAssertEqual(harvested.loss, money("1000.00"))
    XCTAssertEqual(
      clean.doNotBuy,
      [
        DoNotBuyEntry(symbol: "IVV", safeDate: date("2026-01-15"), substitute: nil),
        DoNotBuyEntry(symbol: "VOO", safeDate: date("2026-01-15"), substitute: "VTI"),
      ])
  }

  // MARK: Holding period

  /// Bought 2025-01-03: the first anniversary is 2026-01-03, so a sale is long-term from
  /// 2026-01-04, 20 days after the plan date.
  func testLotTwentyDaysFromLongTermGetsTheCaution() throws {
    let result = try plan("2025-01-03,Brokerage,buy,XYZ,100,50,0,\n", prices: ["XYZ": "20"])
    let lot = try XCTUnwrap(result.lots.first)
    XCTAssertFalse(lot.isLongTerm)
    XCTAssertEqual(lot.daysToLongTerm, 20)
    XCTAssertTrue(lot.needsCaution)
    let table = PlanTable.text(result, filingStatus: .single)
    XCTAssertTrue(
      table.contains("XYZ 2025-01-03 is long-term from 2026-01-04 (20 days)"),
      table)
  }

  // MARK: Ordering, target and agreement with the report

  /// A $2,000.00 short-term gain so far (line 7 = line 16 = 2,000), so the target is
  /// $5,000.00. Short-term losses go first while line 7 is a gain: XYZ $1,500.00 (line 7
  /// 500), GHI $1,000.00 (line 7 −500); then the larger loss: DEF's $4,000.00 long-term,
  /// which overshoots to $6,500.00. Line 16 ends at −4,500.00: $3,000.00 deducted,
  /// $1,500.00 carried forward. Ordinary income drops from 2,000 to −3,000: 5,000 × 24% =
  /// $1,200.00.
  func testShortTermFirstWhileLineSevenIsAGainAndTheReportAgrees() throws {
    let rows = """
      2025-02-03,Brokerage,buy,ABC,100,10,0,
      2025-06-02,Brokerage,sell,ABC,100,30,0,
      2023-05-01,Brokerage,buy,DEF,100,100,0,
      2025-04-01,Brokerage,buy,XYZ,100,40,0,
      2025-05-01,Joint,buy,GHI,50,70,0,

      """
    let result = try plan(
      rows, prices: ["DEF": "60", "XYZ": "25", "GHI": "50"],
      ordinaryRate: "24", longTermRate: "15")

    XCTAssertEqual(result.realizedShortTerm, money("2000.00"))
    XCTAssertEqual(result.targetLoss, money("5000.00"))
    XCTAssertEqual(result.lots.map(\.symbol), ["XYZ", "GHI", "DEF"])
    XCTAssertTrue(result.lots.allSatisfy(\.recommended))
    XCTAssertEqual(result.recommendedShortTermLoss, money("2500.00"))
    XCTAssertEqual(result.recommendedLongTermLoss, money("4000.00"))
    XCTAssertEqual(result.plannedNet, money("-4500.00"))
    XCTAssertEqual(result.carriedForward, money("1500.00"))
    XCTAssertEqual(result.estimatedTaxSaved, money("1200.00"))

    let report = try reportAfterAppending(rows, result)
    let planned = report.rows.filter { $0.dateSold == planDate }
    XCTAssertEqual(planned.count, 3)
    XCTAssertFalse(planned.contains { $0.code == "W" })
    let shortTerm = planned.filter { !$0.box.isLongTerm }.map(\.gainLoss)
    let longTerm = planned.filter { $0.box.isLongTerm }.map(\.gainLoss)
    XCTAssertEqual(shortTerm.reduce(.zero, +), -result.recommendedShortTermLoss)
    XCTAssertEqual(longTerm.reduce(.zero, +), -result.recommendedLongTermLoss)
    let scheduleD = ScheduleD.compute(ScheduleDInput(rows: report.rows))
    XCTAssertEqual(scheduleD.amount("16"), result.plannedNet)
  }

  /// With $4,000.00 of net loss already realized, line 16 + $3,000 is below zero: nothing
  /// is worth harvesting this year.
  func testNoTargetWhenTheLimitIsAlreadyReached() throws {
    let rows = """
      2025-02-03,Brokerage,buy,ABC,100,50,0,
      2025-06-02,Brokerage,sell,ABC,100,10,0,
      2025-04-01,Brokerage,buy,XYZ,100,40,0,

      """
    let result = try plan(rows, prices: ["XYZ": "25"])
    XCTAssertEqual(result.realizedNet, money("-4000.00"))
    XCTAssertEqual(result.targetLoss, .zero)
    XCTAssertTrue(result.sales.isEmpty)
    XCTAssertEqual(result.lots.map(\.recommended), [false])
    XCTAssertEqual(result.carriedForward, money("1000.00"))
  }

  func testUnpricedSymbolIsListedNotGuessed() throws {
    let result = try plan("2025-04-01,Brokerage,buy,XYZ,100,40,0,\n", prices: [:])
    XCTAssertEqual(result.unpricedSymbols, ["XYZ"])
    XCTAssertTrue(result.lots.isEmpty)
  }

  // MARK: Readers

  func testPriceListRejectsABadPriceWithItsLine() {
    let messages = inputErrors {
      _ = try PriceListReader.read(
        bytes: Array("symbol,price\nXYZ,abc\n".utf8),
        file: "prices.csv")
    }
    XCTAssertEqual(messages.first?.hasPrefix("prices.csv:2: column 'price'"), true)
  }

  func testSubstituteInTheSameIdenticalGroupIsRejected() {
    let messages = inputErrors {
      _ = try SubstitutesReader.read(
        bytes: Array("symbol,substitute\nVOO,IVV\n".utf8), file: "subs.csv",
        identicalGroups: ["VOO": "sp500", "IVV": "sp500"])
    }
    XCTAssertEqual(messages.count, 1)
  }

  func testTaxRateReadsPercentages() {
    XCTAssertEqual(TaxRate(percent: "24")?.basisPoints, 2_400)
    XCTAssertEqual(TaxRate(percent: "23.8%")?.basisPoints, 2_380)
    XCTAssertNil(TaxRate(percent: "101"))
    XCTAssertEqual(TaxRate(percent: "24")?.tax(on: money("3000.00")), money("720.00"))
  }

  /// A digital asset is harvested like a stock (0.5 BTC bought for $50,000.00, worth
  /// $30,000.00: a $20,000.00 short-term loss), but its recommended sale carries
  /// `asset digital`, so appended to a trades file with that column it reads back as the same
  /// asset and reports exactly that loss.
  func testDigitalAssetSalesCarryTheirAsset() throws {
    let trades = """
      date,account,action,symbol,quantity,price,fees,lot,asset
      2025-03-03,Brokerage,buy,BTC,0.5,100000,0,,digital

      """
    let book = try TradeFileReader.read(bytes: Array(trades.utf8), file: "trades.csv")
    let result = try HarvestPlanner.plan(
      book,
      HarvestPlanSettings(
        date: planDate, prices: ["BTC": Price(micros: 60_000 * Price.scale)],
        filingStatus: .single, accounts: [:], identicalGroups: [:], substitutes: [:],
        ordinaryRate: nil, longTermRate: nil))
    let sales = String(decoding: PlanCSV.recommendedSales(result), as: UTF8.self)
    XCTAssertEqual(
      sales,
      """
      date,account,action,symbol,quantity,price,fees,lot,asset
      2025-12-15,Brokerage,sell,BTC,0.5,60000.00,0.00,2025-03-03,digital

      """)
    let appended = trades + sales.split(separator: "\n").dropFirst().map { $0 + "\n" }.joined()
    let report = try makeReport(appended, year: 2025)
    XCTAssertEqual(report.rows.map(\.gainLoss), [money("-20000")])
  }
}
