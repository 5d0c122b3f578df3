import XCTest

@testable import HarvestCore

/// Exception 2 summaries and the explanation of basis, on hand-worked rows.
final class StatementTests: XCTestCase {
  private func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

  private func row(
    _ box: Form8949Box, _ account: String, sold: String, _ proceeds: Int64, _ cost: Int64,
    code: String = "", adjustment: Int64 = 0
  ) -> Form8949Row {
    Form8949Row(
      box: box, description: "\(account) \(sold)", dateAcquired: .date(day("2024-01-02")),
      dateSold: day(sold), proceeds: Money(cents: proceeds), costBasis: Money(cents: cost),
      code: code, adjustment: Money(cents: adjustment), symbol: "XYZ", account: account)
  }

  func testSummaryCodeIsMPlusEveryRowCodeInAlphabeticalOrder() {
    let rows = [
      row(.a, "One", sold: "2025-03-01", 100, 50, code: "W", adjustment: 10),
      row(.a, "One", sold: "2025-03-02", 100, 50, code: "BW", adjustment: 10),
      row(.a, "One", sold: "2025-03-03", 100, 50),
    ]
    XCTAssertEqual(Exception2.summaryCode(rows), "BMW")
    XCTAssertEqual(Exception2.summaryCode([rows[2]]), "M")
  }

  func testThresholdIsMoreThanTwoThousandRowsInOneBox() {
    let a = row(.a, "One", sold: "2025-03-01", 1_000, 800)
    let d = row(.d, "One", sold: "2025-03-01", 1_000, 800)
    XCTAssertTrue(Exception2.boxesOverThreshold(Array(repeating: a, count: 2_000)).isEmpty)
    let large = Exception2.boxesOverThreshold(
      Array(repeating: a, count: 2_500) + Array(repeating: d, count: 10))
    XCTAssertEqual(large.map(\.box), [.a])
    XCTAssertEqual(large.map(\.rows), [2_500])
  }

  /// Two accounts at one broker share a section; an account missing from the accounts file
  /// is its own broker. Box A Fidelity: (d) 1,000.00 + 500.00, (e) 800.00 + 700.00,
  /// (g) 200.00, (h) 200.00 + 0.00.
  func testSectionsGroupByBoxAndBrokerAndTotalTheirRows() {
    let accounts = [
      "Fid-1": Account(name: "Fid-1", broker: "Fidelity"),
      "Fid-2": Account(name: "Fid-2", broker: "Fidelity"),
    ]
    let rows = [
      row(.d, "Fid-1", sold: "2025-05-01", 200_000, 250_000),
      row(.a, "Fid-1", sold: "2025-03-01", 100_000, 80_000),
      row(.a, "Solo", sold: "2025-04-01", 30_000, 10_000),
      row(.a, "Fid-2", sold: "2025-02-01", 50_000, 70_000, code: "W", adjustment: 20_000),
    ]
    let statement = Exception2Statement(rows: rows, accounts: accounts)

    XCTAssertEqual(statement.sections.map(\.box), [.a, .a, .d])
    XCTAssertEqual(statement.sections.map(\.broker), ["Fidelity", "Solo", "Fidelity"])
    XCTAssertEqual(
      statement.sections[0].rows.map(\.account), ["Fid-2", "Fid-1"], "date-sold order")
    let fidelity = statement.summaryRows[0]
    XCTAssertEqual(fidelity.description, "Fidelity see attached statement")
    XCTAssertEqual(fidelity.code, "MW")
    XCTAssertEqual(fidelity.totals.proceeds, Money(cents: 150_000))
    XCTAssertEqual(fidelity.totals.costBasis, Money(cents: 150_000))
    XCTAssertEqual(fidelity.totals.adjustment, Money(cents: 20_000))
    XCTAssertEqual(fidelity.totals.gainLoss, Money(cents: 20_000))
    XCTAssertEqual(
      String(decoding: statement.summaryCSV, as: UTF8.self),
      """
      box,description,date_acquired,date_sold,proceeds,cost_basis,code,adjustment,gain_loss,\
      transactions
      A,Fidelity see attached statement,,,1500.00,1500.00,MW,200.00,200.00,2
      A,Solo see attached statement,,,300.00,100.00,M,0.00,200.00,1
      D,Fidelity see attached statement,,,2000.00,2500.00,M,0.00,-500.00,1

      """)
  }

  /// 2,500 box A sales of $12.00 with a $10.00 basis: one summary row of
  /// (d) 30,000.00, (e) 25,000.00, (h) 5,000.00.
  func testTwoThousandFiveHundredRowsMakeOneSummaryRowWithTheirTotals() {
    let rows = (0..<2_500).map { index in
      row(.a, "Brokerage", sold: index < 1_000 ? "2025-06-02" : "2025-07-01", 1_200, 1_000)
    }
    let statement = Exception2Statement(rows: rows, accounts: [:])
    XCTAssertEqual(statement.sections.count, 1)
    XCTAssertEqual(statement.sections[0].rows.count, 2_500)
    let summary = statement.summaryRows[0]
    XCTAssertEqual(summary.totals.proceeds, Money(dollars: 30_000))
    XCTAssertEqual(summary.totals.costBasis, Money(dollars: 25_000))
    XCTAssertEqual(summary.totals.gainLoss, Money(dollars: 5_000))
    XCTAssertEqual(summary.transactionCount, 2_500)
    XCTAssertFalse(summary.showsAdjustment)
  }

  /// A replacement lot bought 06/16/2025 for $3,800.00 carries the $250.00 loss of the
  /// GOOGL sale of 06/02/2025; its column (e) is $4,050.00 and column (b) 05/19/2025.
  func testBasisStatementExplainsWashAdjustedAndInheritedRowsOnly() {
    var replacement = row(.a, "Brokerage", sold: "2025-09-15", 437_500, 405_000)
    replacement.symbol = "GOOG"
    replacement.dateAcquired = .date(day("2025-05-19"))
    replacement.purchaseDate = day("2025-06-16")
    replacement.actualCost = Money(cents: 380_000)
    replacement.washBasisAdded = Money(cents: 25_000)
    replacement.basisNote = "wash sale"
    replacement.washSource = WashSource(
      saleDate: day("2025-06-02"), saleAccount: "Brokerage", symbol: "GOOGL", saleLine: 9)
    var inherited = row(.d, "Brokerage", sold: "2025-07-08", 1_300_000, 1_200_000)
    inherited.dateAcquired = .inherited
    inherited.purchaseDate = nil
    inherited.basisNote = "inherited"
    let plain = row(.a, "Brokerage", sold: "2025-01-10", 100, 50)
    let wash = WashSaleRow(
      symbol: "GOOGL", saleDate: day("2025-06-02"), saleAccount: "Brokerage",
      shares: Shares(whole: 25), disallowed: Money(cents: 25_000),
      replacementAccount: "Brokerage", replacementSymbol: "GOOG",
      replacementDate: day("2025-06-16"), basisAdded: Money(cents: 25_000),
      adjustedAcquired: .date(day("2025-05-19")), isPermanent: false, saleLine: 9)

    let statement = BasisStatement(rows: [inherited, plain, replacement], washSales: [wash])

    XCTAssertEqual(statement.entries.map(\.row.box), [.a, .d])
    XCTAssertEqual(statement.entries[0].washSales, [wash])
    XCTAssertEqual(
      statement.entries[0].washSource, "GOOGL sold 06/02/2025 in Brokerage, 250.00 disallowed")
    XCTAssertEqual(statement.entries[1].washSource, "")
    XCTAssertEqual(
      String(decoding: statement.csvBytes, as: UTF8.self),
      """
      box,description,date_sold,purchase_date,actual_cost,loss_added,cost_basis,date_acquired,\
      reason,wash_sale
      A,Brokerage 2025-09-15,2025-09-15,2025-06-16,3800.00,250.00,4050.00,2025-05-19,wash sale,\
      "GOOGL sold 06/02/2025 in Brokerage, 250.00 disallowed"
      D,Brokerage 2025-07-08,2025-07-08,INHERITED,12000.00,0.00,12000.00,INHERITED,inherited,

      """)
  }

  func testWashAdjustedRowWithNoLossSaleThisYearPointsToAnEarlierYear() {
    var carried = row(.a, "Brokerage", sold: "2025-02-10", 1_000, 1_500)
    carried.purchaseDate = day("2024-12-20")
    carried.washBasisAdded = Money(cents: 500)
    carried.basisNote = "wash sale"
    let statement = BasisStatement(rows: [carried], washSales: [])
    XCTAssertEqual(statement.entries.first?.washSource, "loss sale before 2025")
  }
}
