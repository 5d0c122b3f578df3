import XCTest

@testable import HarvestCore
@testable import HarvestRender

/// The page API, the statements and the return package, checked through the PDF text.
final class PackageTests: XCTestCase {
  private func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

  /// Parses an amount as printed: `1,234.56` or `(250.00)`.
  private func cents(_ text: String) -> Int64? {
    let negative = text.hasPrefix("(")
    let digits = text.filter { $0.isNumber }
    guard !digits.isEmpty, let value = Int64(digits) else { return nil }
    return negative ? -value : value
  }

  /// Text with every run of white space made one space, so wrapped cells read as one.
  private func collapsed(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  private func sale(
    _ box: Form8949Box, sold: String, _ proceeds: Int64, _ cost: Int64,
    account: String = "Brokerage"
  ) -> Form8949Row {
    Form8949Row(
      box: box, description: "1 sh XYZ", dateAcquired: .date(day("2025-01-02")),
      dateSold: day(sold), proceeds: Money(cents: proceeds), costBasis: Money(cents: cost),
      symbol: "XYZ", account: account)
  }

  /// A year with one wash sale: AAA lost $200.00 on 03/10/2025, replaced 03/20/2025 at
  /// $1,000.00; the replacement sold 06/02/2025 for $1,500.00 with basis $1,200.00 and
  /// column (b) 02/21/2025 after tacking.
  private func washYear(
    rows extra: [Form8949Row] = [], exception2: Bool = false
  )
    -> ReturnPackage
  {
    let loss = Form8949Row(
      box: .a, description: "10 sh AAA", dateAcquired: .date(day("2025-03-01")),
      dateSold: day("2025-03-10"), proceeds: Money(dollars: 800), costBasis: Money(dollars: 1_000),
      code: "W", adjustment: Money(dollars: 200), symbol: "AAA", account: "Brokerage")
    let replacement = Form8949Row(
      box: .a, description: "10 sh AAA", dateAcquired: .date(day("2025-02-21")),
      dateSold: day("2025-06-02"), proceeds: Money(dollars: 1_500),
      costBasis: Money(dollars: 1_200), symbol: "AAA", account: "Brokerage",
      purchaseDate: day("2025-03-20"), actualCost: Money(dollars: 1_000),
      washBasisAdded: Money(dollars: 200), basisNote: "wash sale",
      washSource: WashSource(
        saleDate: day("2025-03-10"), saleAccount: "Brokerage", symbol: "AAA", saleLine: 3))
    let wash = WashSaleRow(
      symbol: "AAA", saleDate: day("2025-03-10"), saleAccount: "Brokerage",
      shares: Shares(whole: 10), disallowed: Money(dollars: 200),
      replacementAccount: "Brokerage", replacementSymbol: "AAA",
      replacementDate: day("2025-03-20"), basisAdded: Money(dollars: 200),
      adjustedAcquired: .date(day("2025-02-21")), isPermanent: false, saleLine: 3)
    let rows = [loss, replacement] + extra
    let input = ScheduleDInput(
      rows: rows, filingStatus: .single, shortTermCarryover: .zero, longTermCarryover: .zero,
      other: OtherAmounts(), summarizeException1: false)
    let scheduleD = ScheduleD.compute(input)
    return ReturnPackage(
      taxYear: 2025, name: "Pat Example", ssn: "123-45-6789", coverID: "***-**-6789",
      rows: rows, wholeDollars: false, useException2: exception2,
      accounts: ["Brokerage": Account(name: "Brokerage", broker: "Acme Securities")],
      scheduleD: scheduleD,
      worksheet: CapitalLossCarryoverWorksheet(scheduleD: scheduleD, taxableIncome: nil),
      washSales: [wash],
      deferredLosses: [
        DeferredLossRow(
          symbol: "BBB", account: "Brokerage", lotDate: day("2025-12-29"),
          shares: Shares(whole: 5), deferred: Money(dollars: 75))
      ])
  }

  /// 150 rows of $1.00 to $150.00: the table spans pages, each repeating the headings and
  /// ending in its own total, and the page totals add up to 11,325.00.
  func testTableBreaksPagesRepeatsHeadingsAndPageTotalsAddUp() throws {
    var composer = try PageComposer(header: PageHeader(title: "Amounts"))
    let amounts = (1...150).map { Money(dollars: Int64($0)) }
    let slices = composer.table(
      PageTable(
        columns: [TableColumn("Item", width: 200), TableColumn.money("Amount", width: 100)],
        rows: amounts.enumerated().map { ["item \($0.offset + 1)", $0.element.formatted()] },
        pageTotal: { range in ["Page total", amounts[range].reduce(.zero, +).formatted()] },
        total: ["Total", amounts.reduce(.zero, +).formatted()]))

    XCTAssertGreaterThan(slices.count, 1)
    XCTAssertEqual(slices.first?.lowerBound, 0)
    XCTAssertEqual(slices.last?.upperBound, 150)
    XCTAssertEqual(
      zip(slices, slices.dropFirst()).filter { $0.upperBound != $1.lowerBound }
        .count, 0)
    XCTAssertEqual(composer.pages.count, slices.count)
    var pageTotals: Int64 = 0
    for page in composer.pages {
      XCTAssertEqual(page.texts.filter { $0 == "Amount" }.count, 1)
      let index = try XCTUnwrap(page.texts.firstIndex(of: "Page total"))
      pageTotals += try XCTUnwrap(cents(page.texts[index + 1]))
    }
    XCTAssertEqual(pageTotals, 1_132_500)
    let last = try XCTUnwrap(composer.pages.last?.texts)
    XCTAssertEqual(
      last[last.index(after: try XCTUnwrap(last.firstIndex(of: "Total")))],
      "11,325.00")
  }

  /// 2,500 box A sales of $12.00 with a $10.00 basis: Form 8949 carries one summary row of
  /// (d) 30,000.00 (e) 25,000.00 (h) 5,000.00 and code M; the statement's page totals add
  /// up to it and its closing total repeats it.
  func testTwoThousandFiveHundredRowsStatementTotalsEqualTheSummaryRow() throws {
    let rows = (0..<2_500).map { _ in sale(.a, sold: "2025-06-02", 1_200, 1_000) }
    let package = washYear(rows: rows, exception2: true)
    let statement = try XCTUnwrap(package.exception2)
    XCTAssertEqual(statement.sections.count, 1)
    let summary = statement.summaryRows[0]
    XCTAssertEqual(summary.totals.proceeds, Money(dollars: 30_000 + 2_300))
    XCTAssertEqual(summary.code, "MW")

    let composer = try XCTUnwrap(StatementPages.compose(package))
    var sums: [Int64] = [0, 0, 0, 0]
    var closing: [Int64] = []
    for page in composer.pages where page.header.title.contains("Exception 2") {
      let texts = page.texts
      let index = try XCTUnwrap(texts.firstIndex(of: "Page total"))
      for column in 0..<4 { sums[column] += try XCTUnwrap(cents(texts[index + 1 + column])) }
      if let end = texts.firstIndex(where: { $0.hasPrefix("Total, box A") }) {
        closing = try (1...4).map { try XCTUnwrap(cents(texts[end + $0])) }
      }
    }
    let expected = [
      summary.totals.proceeds.cents, summary.totals.costBasis.cents,
      summary.totals.adjustment.cents, summary.totals.gainLoss.cents,
    ]
    XCTAssertEqual(sums, expected)
    XCTAssertEqual(closing, expected)
    XCTAssertEqual(expected, [3_230_000, 2_720_000, 20_000, 530_000])

    let form = try TestSupport.text(of: TestSupport.renderer.form8949(package))
    XCTAssertEqual(try TestSupport.pageCount(of: TestSupport.renderer.form8949(package)), 1)
    XCTAssertTrue(collapsed(form).contains("Acme Securities see attached statement"))
    let line = try XCTUnwrap(form.split(separator: "\n").first { $0.contains("32,300.00") })
    XCTAssertTrue(line.contains("27,200.00") && line.contains("5,300.00") && line.contains("MW"))
  }

  func testPackagePageCountIsTheSumOfItsParts() throws {
    let package = washYear()
    let renderer = TestSupport.renderer
    let whole = try renderer.returnPackage(package)
    let sections = try renderer.packageSections(package)
    let worksheetLines = (1...13).map { (line: $0, amount: package.worksheet[$0]) }
    let separate = try [
      renderer.scheduleD(
        lines: package.scheduleD.lines, taxYear: 2025, name: package.name, ssn: package.ssn),
      renderer.form8949(package), XCTUnwrap(renderer.statements(package)),
      renderer.carryoverWorksheet(lines: worksheetLines, taxYear: 2025, name: package.name),
    ].map { try TestSupport.pageCount(of: $0) }
    let recordsOnly = sections.filter {
      ["Cover sheet", "Wash-sale detail", "Deferred losses"].contains($0.title)
    }.reduce(0) { $0 + $1.pageCount }

    XCTAssertEqual(try TestSupport.pageCount(of: whole), separate.reduce(0, +) + recordsOnly)
    XCTAssertEqual(sections.map(\.pageCount).reduce(0, +), try TestSupport.pageCount(of: whole))
    XCTAssertEqual(separate, [2, 1, 1, 1])
  }

  func testPackageTextShowsEachFormInAttachmentOrder() throws {
    let package = washYear()
    let pdf = try TestSupport.renderer.returnPackage(package)
    let sections = try TestSupport.renderer.packageSections(package)
    XCTAssertEqual(
      sections.map(\.title),
      [
        "Schedule D (Form 1040)", "Form 8949", "Statements attached to Form 8949", "Cover sheet",
        "Capital Loss Carryover Worksheet", "Wash-sale detail", "Deferred losses",
      ])
    XCTAssertEqual(sections.map(\.firstPage), [1, 3, 4, 5, 6, 7, 8])
    let markers = [
      "SCHEDULE D", "Form 8949", "Explanation of basis", "Capital gains package",
      "Capital Loss Carryover Worksheet", "Wash-sale detail", "Deferred losses",
    ]
    for (section, marker) in zip(sections, markers) {
      let text = try TestSupport.text(of: pdf, page: section.firstPage)
      XCTAssertTrue(text.contains(marker), "\(section.title) should start on its page")
    }
    let cover = try TestSupport.text(of: pdf, page: 5)
    XCTAssertTrue(cover.contains("***-**-6789") && !cover.contains("123-45-6789"))
    let coverLines = cover.split(separator: "\n")
    XCTAssertTrue(coverLines.contains { $0.contains("Schedule D line 7") && $0.contains("300.00") })
    XCTAssertTrue(coverLines.contains { $0.contains("Wash-sale detail") && $0.contains("7") })
  }

  func testWashReplacementRowIsOnTheBasisStatementWithItsActualPurchaseDate() throws {
    let package = washYear()
    let text = try TestSupport.text(of: XCTUnwrap(TestSupport.renderer.statements(package)))
    let line = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("06/02/2025") })
    for expected in ["10 sh AAA", "03/20/2025", "1,000.00", "200.00", "1,200.00", "02/21/2025"] {
      XCTAssertTrue(line.contains(expected), "\(expected) missing from: \(line)")
    }
    XCTAssertTrue(collapsed(text).contains("AAA sold 03/10/2025 in Brokerage, 200.00"))
    XCTAssertEqual(
      text.split(separator: "\n").filter { $0.hasPrefix("10 sh AAA") }.count, 1,
      "the loss sale's own basis is its cost and needs no explanation")
  }

  func testSameInputGivesIdenticalBytes() throws {
    let package = washYear(rows: [sale(.d, sold: "2025-08-01", 5_000, 9_000)], exception2: true)
    let renderer = TestSupport.renderer
    XCTAssertEqual(try renderer.returnPackage(package), try renderer.returnPackage(package))
    XCTAssertEqual(try renderer.statements(package), try renderer.statements(package))
    XCTAssertEqual(try renderer.form8949(package), try renderer.form8949(package))
  }
}
