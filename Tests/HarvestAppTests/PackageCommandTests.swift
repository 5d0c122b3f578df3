import Foundation
import XCTest

@testable import HarvestApp

/// The package files through `harvest report` and `harvest plan`.
final class PackageCommandTests: XCTestCase {
  /// 2,500 sales of one share bought at $10.00 and sold at $12.00, no routing columns, so
  /// every row is box A: more than 2,000 rows switch the report to Exception 2 without
  /// `--statement`.
  func testTwoThousandFiveHundredBoxARowsSwitchToException2() throws {
    let folder = try scratchFolder(self)
    var trades = "date,account,action,symbol,quantity,price,fees\n"
    trades += "2025-01-02,Brokerage,buy,XYZ,2500,10,0\n"
    for _ in 0..<2_500 { trades += "2025-06-02,Brokerage,sell,XYZ,1,12,0\n" }
    let path = writeFile(folder, "trades.csv", trades)
    let out = folder + "/out"

    XCTAssertEqual(harvest(["report", "--year", "2025", "--trades", path, "--out", out]), 0)

    XCTAssertEqual(
      fileText(out, "form8949-summary.csv"),
      """
      box,description,date_acquired,date_sold,proceeds,cost_basis,code,adjustment,gain_loss,\
      transactions
      A,Brokerage see attached statement,,,30000.00,25000.00,M,0.00,5000.00,2500

      """)
    let detail = try XCTUnwrap(fileText(out, "form8949.csv"))
    XCTAssertEqual(detail.split(separator: "\n").count, 2_501, "every transaction stays")
    let form = try XCTUnwrap(fileBytes(out, "form8949.pdf"))
    XCTAssertEqual(try pages(form), 1)
    let statements = try XCTUnwrap(fileBytes(out, "statements.pdf"))
    let text = try XCTUnwrap(pdfText(statements))
    XCTAssertTrue(text.contains("30,000.00") && text.contains("Total, box A (code M)"))
    let package = try XCTUnwrap(fileBytes(out, "return-package.pdf"))
    let scheduleD = try XCTUnwrap(fileBytes(out, "schedule-d.pdf"))
    let worksheet = try XCTUnwrap(fileBytes(out, "carryover-worksheet.pdf"))
    let filed = try pages(scheduleD) + pages(form) + pages(statements) + pages(worksheet)
    // The cover, the wash-sale detail and the deferred-loss list: one page each here.
    XCTAssertEqual(try pages(package), filed + 3)
  }

  func testStatementOptionUsesException2ForAnyYear() throws {
    let folder = try scratchFolder(self)
    let out = folder + "/out"
    XCTAssertEqual(harvest(exampleArguments(out: out) + ["--statement"]), 0)
    let summary = try XCTUnwrap(fileText(out, "form8949-summary.csv"))
    XCTAssertTrue(summary.contains("see attached statement"))
    XCTAssertNotNil(fileBytes(out, "statements.pdf"))
    XCTAssertNotNil(fileBytes(out, "return-package.pdf"))
  }

  func testWithoutStatementOptionSmallYearsListEveryRowOnTheForm() throws {
    let folder = try scratchFolder(self)
    let out = folder + "/out"
    XCTAssertEqual(harvest(exampleArguments(out: out)), 0)
    XCTAssertNil(fileText(out, "form8949-summary.csv"))
    let basis = try XCTUnwrap(fileText(out, "basis-statement.csv"))
    XCTAssertTrue(basis.contains("wash sale"))
    let first = try XCTUnwrap(fileBytes(out, "return-package.pdf"))
    let again = folder + "/again"
    XCTAssertEqual(harvest(exampleArguments(out: again)), 0)
    XCTAssertEqual(fileBytes(again, "return-package.pdf"), first, "same input, same bytes")
  }

  /// The plan of `PlanCommandTests`: 100 XYZ bought for $5,000.00 and worth $2,000.00.
  func testPlanPDFHasTheSummaryAndTheTables() throws {
    let folder = try scratchFolder(self)
    let trades = writeFile(
      folder, "trades.csv",
      "date,account,action,symbol,quantity,price,fees\n2025-03-03,Brokerage,buy,XYZ,100,50,0\n")
    let prices = writeFile(folder, "prices.csv", "symbol,price\nXYZ,20\n")
    let status = HarvestCommand.run([
      "plan", "--trades", trades, "--prices", prices, "--date", "2025-12-15",
      "--ordinary-rate", "24", "--out", folder + "/out",
    ])
    XCTAssertEqual(status, 0)
    let pdf = try XCTUnwrap(fileBytes(folder + "/out", "harvest-plan.pdf"))
    XCTAssertEqual(try pages(pdf), 2)
    let summary = try XCTUnwrap(pdfText(pdf, page: 1))
    XCTAssertTrue(summary.contains("Tax-loss harvesting plan"))
    XCTAssertTrue(
      summary.split(separator: "\n").contains {
        $0.contains("Estimated tax saved") && $0.contains("720.00")
      })
    let tables = try XCTUnwrap(pdfText(pdf, page: 2))
    XCTAssertTrue(
      tables.split(separator: "\n").contains {
        $0.contains("Brokerage") && $0.contains("XYZ") && $0.contains("5,000.00")
          && $0.contains("2,000.00") && $0.contains("3,000.00")
      })
    XCTAssertTrue(tables.contains("01/15/2026"), "the do-not-buy date")
  }

  private func pages(_ pdf: [UInt8]) throws -> Int {
    let file = try temporaryPDF(pdf)
    guard let info = runTool("pdfinfo", [file]) else {
      throw XCTSkip("pdfinfo is not installed (poppler-utils)")
    }
    let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
    return Int(line.split(separator: " ").last ?? "") ?? -1
  }

  private func pdfText(_ pdf: [UInt8], page: Int? = nil) throws -> String? {
    let file = try temporaryPDF(pdf)
    let range = page.map { ["-f", "\($0)", "-l", "\($0)"] } ?? []
    guard let text = runTool("pdftotext", ["-layout"] + range + [file, "-"]) else {
      throw XCTSkip("pdftotext is not installed (poppler-utils)")
    }
    return text
  }

  private func temporaryPDF(_ bytes: [UInt8]) throws -> String {
    let folder = try scratchFolder(self)
    let path = folder + "/file.pdf"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }
}
