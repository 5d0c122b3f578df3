import HarvestCore
import XCTest

/// First in, first out, specific identification, transferred and inherited lots, fee
/// allocation and which sales are reported. Every figure is worked by hand in the comments.
final class LotMatchingTests: XCTestCase {
  func testFirstInFirstOutAcrossThreeLotsWithAPartialSale() throws {
    // Lots: 10 @ $10 ($100), 10 @ $12 ($120), 10 @ $15 ($150). Selling 25 @ $20 ($500)
    // takes all of lots 1 and 2 and 5 shares of lot 3 ($75). Proceeds split by shares in
    // order: 500 × 10/25 = 200, then 300 × 10/15 = 200, then the rest 100.
    let report = try makeReport(
      trades(
        """
        2025-01-02,Main,buy,ABC,10,10,0
        2025-01-03,Main,buy,ABC,10,12,0
        2025-01-04,Main,buy,ABC,10,15,0
        2025-02-03,Main,sell,ABC,25,20,0
        """), year: 2025)
    XCTAssertEqual(report.rows.count, 3)
    XCTAssertEqual(report.rows.map(\.costBasis), [money("100"), money("120"), money("75")])
    XCTAssertEqual(report.rows.map(\.proceeds), [money("200"), money("200"), money("100")])
    XCTAssertEqual(report.rows.map(\.gainLoss), [money("100"), money("80"), money("25")])
    XCTAssertEqual(report.rows.map(\.description), ["10 sh ABC", "10 sh ABC", "5 sh ABC"])
    XCTAssertEqual(report.rows.map(\.box), [.a, .a, .a])
  }

  func testSpecificLotByNameAndByDate() throws {
    // Selling lot "high" (10 @ $15) and then the 2025-01-02 purchase (10 @ $10), both @ $20.
    let csv = """
      date,account,action,symbol,quantity,price,fees,lot
      2025-01-02,Main,buy,ABC,10,10,0,low
      2025-01-04,Main,buy,ABC,10,15,0,high
      2025-03-03,Main,sell,ABC,10,20,0,high
      2025-03-04,Main,sell,ABC,10,20,0,2025-01-02
      """
    let report = try makeReport(csv, year: 2025)
    XCTAssertEqual(report.rows.map(\.costBasis), [money("150"), money("100")])
    XCTAssertEqual(report.rows.map(\.gainLoss), [money("50"), money("100")])
    XCTAssertEqual(
      report.rows.map(\.dateAcquired),
      [
        .date(date("2025-01-04")),
        .date(date("2025-01-02")),
      ])
  }

  func testTransferredInLotKeepsItsOriginalDateAndBasis() throws {
    // Arrived 2025-02-03 with an original acquisition on 2020-05-01 and basis $1,234.56;
    // sold 2025-03-03 for 10 × $200 = $2,000: long-term (box D), gain $765.44.
    let csv = """
      date,account,action,symbol,quantity,price,fees,acquired,basis
      2025-02-03,Main,buy,ABC,10,0,0,2020-05-01,1234.56
      2025-03-03,Main,sell,ABC,10,200,0,,
      """
    let row = try XCTUnwrap(makeReport(csv, year: 2025).rows.first)
    XCTAssertEqual(row.box, .d)
    XCTAssertEqual(row.dateAcquired, .date(date("2020-05-01")))
    XCTAssertEqual(row.costBasis, money("1234.56"))
    XCTAssertEqual(row.gainLoss, money("765.44"))
  }

  func testInheritedLotSoldAfterAWeekIsLongTerm() throws {
    let csv = """
      date,account,action,symbol,quantity,price,fees,acquired,basis
      2025-04-01,Main,buy,ABC,100,0,0,INHERITED,5000
      2025-04-08,Main,sell,ABC,100,52,0,,
      """
    let row = try XCTUnwrap(makeReport(csv, year: 2025).rows.first)
    XCTAssertEqual(row.box, .d)
    XCTAssertEqual(row.dateAcquired, .inherited)
    XCTAssertEqual(row.gainLoss, money("200"))
  }

  func testFeesThatDoNotDivideEvenlyAreSplitInOrder() throws {
    // Buy 3 @ $10 + $10.00 fee = $40.00. Sell one share at a time @ $20 with no fee:
    // costs 40 × 1/3 = 13.333 → 13.33; then 26.67 × 1/2 = 13.335 → 13.34; then 13.33.
    let report = try makeReport(
      trades(
        """
        2025-01-02,Main,buy,ABC,3,10,10.00
        2025-02-03,Main,sell,ABC,1,20,
        2025-02-04,Main,sell,ABC,1,20,
        2025-02-05,Main,sell,ABC,1,20,
        """), year: 2025)
    XCTAssertEqual(report.rows.map(\.costBasis), [money("13.33"), money("13.34"), money("13.33")])

    // One sale of 3 shares from three one-share lots @ $20 less a $10.00 fee = $50.00:
    // 50 × 1/3 = 16.667 → 16.67; 33.33 × 1/2 = 16.665 → 16.67; rest 16.66.
    let split = try makeReport(
      trades(
        """
        2025-01-02,Main,buy,ABC,1,10,0
        2025-01-03,Main,buy,ABC,1,10,0
        2025-01-06,Main,buy,ABC,1,10,0
        2025-02-03,Main,sell,ABC,3,20,10.00
        """), year: 2025)
    XCTAssertEqual(split.rows.map(\.proceeds), [money("16.67"), money("16.67"), money("16.66")])
  }

  func testFeesLargerThanTheSaleGiveNegativeProceeds() throws {
    // 1 share @ $0.50 less a $4.95 fee: net proceeds −$4.45, reported as computed.
    let row = try XCTUnwrap(
      makeReport(
        trades(
          """
          2025-01-02,Main,buy,ABC,1,1,0
          2025-02-03,Main,sell,ABC,1,0.50,4.95
          """), year: 2025
      ).rows.first)
    XCTAssertEqual(row.proceeds, money("-4.45"))
    XCTAssertEqual(row.gainLoss, money("-5.45"))
  }

  func testIRASalesAreNeverReported() throws {
    let report = try makeReport(
      trades(
        """
        2025-01-02,Retire,buy,ABC,10,10,0
        2025-02-03,Retire,sell,ABC,10,5,0
        2025-01-02,Main,buy,XYZ,1,10,0
        2025-02-03,Main,sell,XYZ,1,12,0
        """), year: 2025, accounts: [Account(name: "Retire", kind: .ira)])
    XCTAssertEqual(report.rows.map(\.symbol), ["XYZ"])
  }

  func testSpouseSalesFollowTheFilingStatus() throws {
    let csv = trades(
      """
      2025-01-02,Mine,buy,ABC,1,10,0
      2025-02-03,Mine,sell,ABC,1,12,0
      2025-01-02,Hers,buy,XYZ,1,10,0
      2025-02-03,Hers,sell,XYZ,1,15,0
      """)
    let spouse = [Account(name: "Hers", kind: .taxable, owner: .spouse)]
    // Same box and day: rows follow purchase order, and account Hers sorts before Mine.
    XCTAssertEqual(
      try makeReport(
        csv, year: 2025, status: .marriedFilingJointly,
        accounts: spouse
      ).rows.map(\.symbol), ["XYZ", "ABC"])
    XCTAssertEqual(
      try makeReport(
        csv, year: 2025, status: .marriedFilingSeparately,
        accounts: spouse
      ).rows.map(\.symbol), ["ABC"])
    XCTAssertEqual(
      try makeReport(
        csv, year: 2025, status: .headOfHousehold,
        accounts: spouse
      ).rows.map(\.symbol), ["ABC"])
    for status in [FilingStatus.single, .qualifyingSurvivingSpouse] {
      let messages = inputErrors {
        _ = try makeReport(
          csv, year: 2025, status: status,
          accounts: spouse)
      }
      XCTAssertEqual(messages.count, 1)
      XCTAssertTrue(messages[0].hasPrefix("trades.csv:4: column 'account':"), messages[0])
    }
  }

  func testOnlyTheReportYearIsReportedButEarlierLotsCount() throws {
    let report = try makeReport(
      trades(
        """
        2023-05-01,Main,buy,ABC,10,10,0
        2024-03-01,Main,sell,ABC,5,12,0
        2025-03-03,Main,sell,ABC,5,20,0
        """), year: 2025)
    XCTAssertEqual(report.rows.count, 1)
    XCTAssertEqual(report.rows[0].box, .d)
    XCTAssertEqual(report.rows[0].costBasis, money("50"))
  }

  func testSellingMoreThanIsHeldNamesTheLine() {
    let messages = inputErrors {
      _ = try makeReport(
        trades(
          """
          2025-01-02,Main,buy,ABC,10,10,0
          2025-02-03,Main,sell,ABC,11,12,0
          """), year: 2025)
    }
    XCTAssertEqual(
      messages,
      [
        "trades.csv:3: column 'quantity': found \"11\"; expected at most the 10 shares of ABC "
          + "held in account Main on 2025-02-03"
      ])
  }

  func testBoxesFollowTheFormAndTheAsset() throws {
    let csv = """
      date,account,action,symbol,quantity,price,fees,form,basis_reported,asset
      2024-01-02,Main,buy,ABC,4,10,0,,,
      2024-01-02,Main,buy,BTC,4,10,0,,,digital
      2025-02-03,Main,sell,ABC,1,20,0,1099-B,no,
      2025-02-03,Main,sell,ABC,1,20,0,none,,
      2025-02-03,Main,sell,BTC,1,20,0,1099-DA,yes,digital
      2025-02-03,Main,sell,BTC,1,20,0,1099-DA,no,digital
      2025-02-03,Main,sell,BTC,1,20,0,none,,digital
      2025-02-03,Main,sell,ABC,1,20,0,,,
      """
    let boxes = try makeReport(csv, year: 2025).rows.map(\.box)
    XCTAssertEqual(boxes, [.d, .e, .f, .j, .k, .l])
  }
}
