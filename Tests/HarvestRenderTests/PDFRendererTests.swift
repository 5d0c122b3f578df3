import Foundation
import HarvestCore
import HarvestRender
import XCTest

final class PDFRendererTests: XCTestCase {
  private let renderer = TestSupport.renderer

  private func document(
    _ rows: [Form8949Row], year: Int = 2025, wholeDollars: Bool = false
  )
    -> Form8949Document
  {
    Form8949Document(
      taxYear: year, name: "Pat Q. Taxpayer", ssn: "123-45-6789", rows: rows,
      wholeDollars: wholeDollars)
  }

  private var sampleRows: [Form8949Row] {
    [
      TestSupport.row(
        .a, sold: "2025-03-14", acquired: "2024-11-02", proceeds: 123_456,
        cost: 100_000),
      TestSupport.row(
        .a, sold: "2025-01-15", acquired: "2024-12-01", proceeds: 50_000,
        cost: 75_000, adjustment: 25_000, code: "W", description: "50 sh ABC"),
      TestSupport.row(
        .d, sold: "2025-07-01", acquired: "INHERITED", proceeds: 1_000_000,
        cost: 1_025_000, description: "10 sh INH"),
    ]
  }

  func testForm8949TextHoldsTheRowsTotalsNameAndBox() throws {
    let pdf = try renderer.form8949(document(sampleRows))
    let page1 = try TestSupport.text(of: pdf, page: 1)
    let page2 = try TestSupport.text(of: pdf, page: 2)

    XCTAssertEqual(try TestSupport.pageCount(of: pdf), 2)
    for expected in [
      "Pat Q. Taxpayer", "123-45-6789", "100 sh XYZ", "11/02/2024", "03/14/2025",
      "1,234.56", "1,000.00", "234.56", "50 sh ABC", "W", "250.00",
      "1,734.56", "1,750.00", "Part I", "OMB No. 1545-0074", "12A",
    ] {
      XCTAssertTrue(page1.contains(expected), "page 1 lacks \(expected)")
    }
    // Line 2 of Part I: (h) = 234.56 + 0.00 = 234.56 and (g) = 250.00.
    XCTAssertTrue(page1.contains("234.56"))
    for expected in [
      "INHERITED", "10 sh INH", "10,000.00", "10,250.00", "(250.00)", "Part II",
      "Pat Q. Taxpayer", "123-45-6789",
    ] {
      XCTAssertTrue(page2.contains(expected), "page 2 lacks \(expected)")
    }
    XCTAssertFalse(page2.contains("100 sh XYZ"))
  }

  func testRowsAreInDateSoldOrder() throws {
    let text = try TestSupport.text(of: try renderer.form8949(document(sampleRows)), page: 1)
    let abc = try XCTUnwrap(text.range(of: "50 sh ABC"))
    let xyz = try XCTUnwrap(text.range(of: "100 sh XYZ"))
    XCTAssertLessThan(abc.lowerBound, xyz.lowerBound)
  }

  func testTheCheckedBoxIsMarked() throws {
    let rows = [TestSupport.row(.h, sold: "2025-05-05", proceeds: 100, cost: 50)]
    let text = try TestSupport.text(of: try renderer.form8949(document(rows)), page: 1)
    let line = text.split(separator: "\n").first { $0.contains("(H)") } ?? ""
    XCTAssertTrue(line.contains("X"), "box H line: \(line)")
    let boxA = text.split(separator: "\n").first { $0.contains("(A)") } ?? ""
    XCTAssertFalse(boxA.contains("X "), "box A line: \(boxA)")
  }

  func testEveryPageHoldsAtMostTheFormsRowsAndItsOwnTotals() throws {
    let rows = (1...25).map { index in
      TestSupport.row(
        .b, sold: "2025-02-\(String(format: "%02d", index))",
        proceeds: Int64(index) * 100_000 + 1, cost: 50_000,
        description: "row \(index) of twenty-five")
    }
    let doc = document(rows)
    let pdf = try renderer.form8949(doc)
    let pages = doc.pages(rowsPerPage: 11)

    XCTAssertEqual(try TestSupport.pageCount(of: pdf), 3)
    for (index, page) in pages.enumerated() {
      let text = try TestSupport.text(of: pdf, page: index + 1)
      let printedRows = text.components(separatedBy: "of twenty-five").count - 1
      XCTAssertEqual(printedRows, page.rows.count)
      XCTAssertLessThanOrEqual(printedRows, 11)
      XCTAssertTrue(text.contains(page.totals.proceeds.formatted()))
      XCTAssertTrue(text.contains(page.totals.gainLoss.formatted()))
    }
  }

  func testFourteenRowsAPageIn2024() throws {
    let rows = (1...15).map { index in
      TestSupport.row(
        .a, sold: "2024-03-\(String(format: "%02d", index))", acquired: "2023-01-01",
        proceeds: 1_000, cost: 500, description: "lot \(index) qx")
    }
    let pdf = try renderer.form8949(document(rows, year: 2024))
    XCTAssertEqual(try TestSupport.pageCount(of: pdf), 2)
    let first = try TestSupport.text(of: pdf, page: 1)
    XCTAssertEqual(first.components(separatedBy: " qx").count - 1, 14)
  }

  func testLongTextIsWrappedOrShrunkNeverCut() throws {
    let description = "12,345.678901 sh VANGUARD TOTAL INTERNATIONAL STOCK INDEX FUND ADMIRAL"
    let rows = [
      TestSupport.row(
        .a, sold: "2025-05-05", proceeds: 98_765_432_109,
        cost: 12_345_678_901, description: description)
    ]
    let text = try TestSupport.text(of: try renderer.form8949(document(rows)), page: 1, raw: true)
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    for word in description.split(separator: " ") {
      XCTAssertTrue(words.contains(String(word)), "missing \(word)")
    }
    XCTAssertTrue(text.contains("987,654,321.09"))
    XCTAssertTrue(text.contains("864,197,532.08"))
  }

  func testWholeDollarsPrintNoCents() throws {
    let rows = [
      TestSupport.row(
        .a, sold: "2025-04-01", proceeds: 50_050, cost: 80_049,
        adjustment: 29_999, code: "W", description: "washed lot")
    ]
    let text = try TestSupport.text(
      of: try renderer.form8949(document(rows, wholeDollars: true)), page: 1)
    let line = text.split(separator: "\n").first { $0.contains("04/01/2025") } ?? ""
    let cells = line.split(separator: " ").map(String.init)
    XCTAssertTrue(cells.contains("501"), line.description)
    XCTAssertTrue(cells.contains("800"), line.description)
    XCTAssertTrue(cells.contains("299"), line.description)
    XCTAssertTrue(cells.contains("0"), line.description)
    XCTAssertFalse(text.contains("500.50"))
  }

  func testTheSameInputGivesTheSameBytes() throws {
    let first = try renderer.form8949(document(sampleRows))
    let second = try renderer.form8949(document(sampleRows))
    XCTAssertEqual(first, second)
    let text = String(decoding: first, as: UTF8.self)
    // Cairo 1.16 writes the date without the "D:" prefix.
    XCTAssertTrue(text.contains("/CreationDate (20000101000000Z)"), "creation date not pinned")
    XCTAssertFalse(text.contains(TestSupport.packageRoot))
  }

  func testTheFixedPartIsStoredOnceHoweverManyPages() throws {
    let one = try renderer.form8949(document([sampleRows[0]]))
    let many = (1...20 * 11).map { index in
      TestSupport.row(.a, sold: "2025-06-01", proceeds: Int64(index), cost: 0)
    }
    let twenty = try renderer.form8949(document(many))

    XCTAssertEqual(try TestSupport.pageCount(of: twenty), 20)
    XCTAssertEqual(formObjects(in: one), formObjects(in: twenty))
    // The fixed part is over 20 kB; each further page adds only its own values.
    let perPage = (twenty.count - one.count) / 19
    XCTAssertLessThan(perPage, one.count / 4, "pages repeat the fixed part")
  }

  private func formObjects(in pdf: [UInt8]) -> Int {
    String(decoding: pdf, as: UTF8.self).components(separatedBy: "/Subtype /Form").count - 1
  }

  func testBoxesGToLAreNotOnThe2024Form() {
    let rows = [TestSupport.row(.g, sold: "2024-05-05", proceeds: 100, cost: 50)]
    XCTAssertThrowsError(try renderer.form8949(document(rows, year: 2024))) { error in
      XCTAssertEqual(error as? RenderError, .boxNotOnForm(box: "G", year: 2024))
    }
  }

  func testAYearWithoutTemplatesNamesTheYearsThatHaveThem() {
    XCTAssertEqual(TestSupport.library.availableYears, [2024, 2025, 2026])
    XCTAssertThrowsError(try TestSupport.library.templates(for: 2019)) { error in
      XCTAssertEqual(error as? RenderError, .noTemplate(year: 2019, available: [2024, 2025, 2026]))
      XCTAssertTrue("\(error)".contains("2024, 2025, 2026"))
    }
  }

  func testOnly2026IsADraft() throws {
    XCTAssertTrue(TestSupport.library.isDraft(2026))
    XCTAssertFalse(TestSupport.library.isDraft(2025))
    XCTAssertNotNil(TestSupport.library.draftWarning(2026))
    XCTAssertNil(TestSupport.library.draftWarning(2024))
    let text = try TestSupport.text(of: try renderer.form8949(document(sampleRows, year: 2026)))
    XCTAssertTrue(text.contains("2026"))
  }

  func testScheduleDPrintsLossesInsideThePreprintedParentheses() throws {
    let lines = [
      ScheduleDLine(
        id: "1b", proceeds: Money(cents: 173_456), cost: Money(cents: 175_000),
        adjustment: Money(cents: 25_000), gainLoss: Money(cents: 23_456)),
      ScheduleDLine(id: "6", gainLoss: Money(cents: -500_000)),
      ScheduleDLine(id: "7", gainLoss: Money(cents: -476_544)),
      ScheduleDLine(id: "16", gainLoss: Money(cents: -476_544)),
      ScheduleDLine(id: "17", answer: false),
      ScheduleDLine(id: "21", gainLoss: Money(cents: -300_000)),
      ScheduleDLine(id: "22", answer: true),
    ]
    let pdf = try renderer.scheduleD(
      lines: lines, taxYear: 2025, name: "Pat Q. Taxpayer",
      ssn: "123-45-6789")
    let page1 = try TestSupport.text(of: pdf, page: 1)
    let page2 = try TestSupport.text(of: pdf, page: 2)

    XCTAssertTrue(page1.contains("1,734.56"))
    XCTAssertTrue(page1.contains("(4,765.44)"))
    XCTAssertTrue(page1.contains("5,000.00"))
    XCTAssertFalse(page1.contains("(5,000.00)"))
    XCTAssertTrue(page2.contains("3,000.00"))
    XCTAssertFalse(page2.contains("(3,000.00)"))
    XCTAssertTrue(page2.contains("(4,765.44)"))
  }

  func testScheduleDYesNoAnswersMarkTheirBox() throws {
    let yes = try renderer.scheduleD(
      lines: [ScheduleDLine(id: "17", answer: true)],
      taxYear: 2025, name: "N", ssn: "S")
    let no = try renderer.scheduleD(
      lines: [ScheduleDLine(id: "17", answer: false)],
      taxYear: 2025, name: "N", ssn: "S")
    let yesLine = try line17(yes)
    let noLine = try line17(no)
    XCTAssertTrue(yesLine.yes.contains("X") && !yesLine.no.contains("X"), "\(yesLine)")
    XCTAssertTrue(noLine.no.contains("X") && !noLine.yes.contains("X"), "\(noLine)")
  }

  /// The lines of page 2 holding line 17's Yes and No boxes.
  private func line17(_ pdf: [UInt8]) throws -> (yes: String, no: String) {
    let lines = try TestSupport.text(of: pdf, page: 2).split(separator: "\n").map(String.init)
    let start = try XCTUnwrap(lines.firstIndex { $0.contains("17") })
    let yes = lines[start...].first { $0.contains("Yes") } ?? ""
    let no = lines[start...].first { $0.contains("No.") } ?? ""
    return (yes, no)
  }

  func testCarryoverWorksheetShowsEveryLine() throws {
    let amounts: [(line: Int, amount: Money?)] = [
      (1, Money(dollars: -1_000)), (2, Money(dollars: 3_000)), (3, Money(dollars: 2_000)),
      (4, Money(dollars: 2_000)), (5, Money(dollars: 2_000)), (6, .zero),
      (7, Money(dollars: 2_000)), (8, .zero), (9, Money(dollars: 8_000)), (10, .zero),
      (11, .zero), (12, .zero), (13, Money(dollars: 8_000)),
    ]
    let pdf = try renderer.carryoverWorksheet(lines: amounts, taxYear: 2025, name: "Pat")
    let text = try TestSupport.text(of: pdf)

    XCTAssertEqual(try TestSupport.pageCount(of: pdf), 1)
    XCTAssertTrue(text.contains("Capital Loss Carryover Worksheet"))
    XCTAssertTrue(text.contains("(1,000.00)"))
    XCTAssertTrue(text.contains("8,000.00"))
    XCTAssertTrue(text.contains("Short-term capital loss carryover for 2026"))
    XCTAssertTrue(text.contains("Long-term capital loss carryover for 2026"))
  }
}
