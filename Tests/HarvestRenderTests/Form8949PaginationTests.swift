import Foundation
import HarvestCore
import XCTest

final class Form8949PaginationTests: XCTestCase {
  private func row(_ box: Form8949Box, _ sold: String, _ proceeds: Int64) -> Form8949Row {
    TestSupport.row(
      box, sold: sold, proceeds: proceeds, cost: 10_000,
      description: "\(box.letter) \(sold) \(proceeds)")
  }

  func testBoxesComeInFormOrderAndRowsInDateSoldOrder() {
    let rows = [
      row(.d, "2025-03-01", 1), row(.g, "2025-02-01", 2), row(.a, "2025-05-01", 3),
      row(.a, "2025-01-15", 4), row(.j, "2025-01-01", 5), row(.c, "2025-01-01", 6),
    ]
    let pages = Form8949Pagination(rowsPerPage: 11).pages(for: rows)

    XCTAssertEqual(pages.map(\.box), [.a, .c, .g, .d, .j])
    XCTAssertEqual(pages[0].rows.map(\.proceeds.cents), [4, 3])
  }

  func testRowsSoldTheSameDayKeepTheirOrder() {
    let rows = [row(.a, "2025-06-01", 30), row(.a, "2025-06-01", 10), row(.a, "2025-06-01", 20)]
    let pages = Form8949Pagination(rowsPerPage: 11).pages(for: rows)

    XCTAssertEqual(pages[0].rows.map(\.proceeds.cents), [30, 10, 20])
  }

  func testTwentyFiveRowsMakeThreePagesOfElevenElevenThree() {
    let rows = (1...25).map { row(.a, "2025-01-\(String(format: "%02d", $0))", Int64($0) * 100) }
    let pages = Form8949Pagination(rowsPerPage: 11).pages(for: rows)

    XCTAssertEqual(pages.map(\.rows.count), [11, 11, 3])
    XCTAssertEqual(pages.map(\.number), [1, 2, 3])
    XCTAssertEqual(pages.map(\.count), [3, 3, 3])
    // Proceeds 1..11, 12..22 and 23..25 hundred cents: 6,600, 18,700 and 7,200 cents.
    XCTAssertEqual(pages.map(\.totals.proceeds.cents), [6_600, 18_700, 7_200])
    // Cost is $100.00 a row; (h) = (d) − (e).
    XCTAssertEqual(pages[2].totals.gainLoss.cents, 7_200 - 30_000)
  }

  func testPageTotalsAddUpToTheBoxTotals() {
    var rows: [Form8949Row] = []
    for index in 0..<40 {
      let box: Form8949Box = index % 3 == 0 ? .d : .a
      let adjustment: Int64 = index % 5 == 0 ? Int64(index * 13) : 0
      let day: Int = 10 + index % 18
      rows.append(
        TestSupport.row(
          box, sold: "2025-02-\(day)", proceeds: Int64(index * 1_237 + 5),
          cost: Int64(index * 991), adjustment: adjustment))
    }
    let pages = Form8949Pagination(rowsPerPage: 14).pages(for: rows)

    for box in [Form8949Box.a, .d] {
      let boxPages = pages.filter { $0.box == box }
      var summed = Form8949Totals()
      for page in boxPages {
        XCTAssertLessThanOrEqual(page.rows.count, 14)
        summed.proceeds += page.totals.proceeds
        summed.costBasis += page.totals.costBasis
        summed.adjustment += page.totals.adjustment
        summed.gainLoss += page.totals.gainLoss
      }
      XCTAssertEqual(summed, Form8949Totals(rows.filter { $0.box == box }))
    }
  }

  func testNoRowsNoPages() {
    XCTAssertTrue(Form8949Pagination(rowsPerPage: 11).pages(for: []).isEmpty)
  }
}
