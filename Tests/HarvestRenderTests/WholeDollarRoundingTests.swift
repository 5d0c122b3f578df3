import HarvestCore
import XCTest

final class WholeDollarRoundingTests: XCTestCase {
  func testProceedsAndBasisRoundHalfAwayFromZeroAndGainFollows() {
    // 1,234.49 → 1,234; 1,000.50 → 1,001; (h) = 1,234 − 1,001 = 233 (not 234 = rounded 233.99).
    let row = WholeDollarRounding.round(
      TestSupport.row(.a, sold: "2025-04-01", proceeds: 123_449, cost: 100_050))

    XCTAssertEqual(row.proceeds, Money(dollars: 1_234))
    XCTAssertEqual(row.costBasis, Money(dollars: 1_001))
    XCTAssertEqual(row.adjustment, .zero)
    XCTAssertEqual(row.gainLoss, Money(dollars: 233))
  }

  func testAFullyWashedRowStillNetsToZero() {
    // 500.50 − 800.49 + 299.99 = 0. Rounded: 501 and 800, so (g) = 800 − 501 = 299, not 300.
    let row = WholeDollarRounding.round(
      TestSupport.row(
        .a, sold: "2025-04-01", proceeds: 50_050, cost: 80_049, adjustment: 29_999,
        code: "W"))

    XCTAssertEqual(row.proceeds, Money(dollars: 501))
    XCTAssertEqual(row.costBasis, Money(dollars: 800))
    XCTAssertEqual(row.adjustment, Money(dollars: 299))
    XCTAssertEqual(row.gainLoss, .zero)
  }

  func testAPartlyWashedRowRoundsItsAdjustment() {
    // 100.50 − 200.25 + 50.50 = −49.25; rounded 101 − 200 + 51 = −48.
    let row = WholeDollarRounding.round(
      TestSupport.row(
        .a, sold: "2025-04-01", proceeds: 10_050, cost: 20_025, adjustment: 5_050,
        code: "W"))

    XCTAssertEqual(row.adjustment, Money(dollars: 51))
    XCTAssertEqual(row.gainLoss, Money(dollars: -48))
  }

  func testNegativeProceedsRoundAwayFromZero() {
    // Fees above the sale price: (d) −1.50 → −2, (e) 0.49 → 0, (h) −2.
    let row = WholeDollarRounding.round(
      TestSupport.row(.a, sold: "2025-04-01", proceeds: -150, cost: 49))

    XCTAssertEqual(row.proceeds, Money(dollars: -2))
    XCTAssertEqual(row.costBasis, .zero)
    XCTAssertEqual(row.gainLoss, Money(dollars: -2))
  }

  func testPageTotalsComeFromTheRoundedRows() {
    // Three rows of 0.50 proceeds and 0 cost: each rounds to 1, so the page shows 3, where
    // rounding the unrounded total (1.50) would give 2.
    let rows = (0..<3).map { _ in
      TestSupport.row(.a, sold: "2025-04-01", proceeds: 50, cost: 0)
    }
    let pages = Form8949Pagination(rowsPerPage: 11).pages(for: WholeDollarRounding.round(rows))

    XCTAssertEqual(pages[0].totals.proceeds, Money(dollars: 3))
    XCTAssertEqual(pages[0].totals.gainLoss, Money(dollars: 3))
  }
}
