import Foundation
import HarvestCore
import XCTest

@testable import HarvestApp

/// `carryover.json` as a file: its exact bytes, `--prior` reading, and a two-year chain.
final class ArchiveCarryoverFileTests: XCTestCase {
  private func row(_ box: Form8949Box, gain: Int64) -> Form8949Row {
    Form8949Row(
      box: box, description: "10 sh XYZ", dateAcquired: .date(CivilDate(iso: "2023-01-10")!),
      dateSold: CivilDate(iso: "2024-06-03")!, proceeds: Money(dollars: 20_000 + gain),
      costBasis: Money(dollars: 20_000))
  }

  /// Rules §5.5 "both losses": TI 40,000, line 7 (4,000), line 15 (2,500) → line 21 (3,000),
  /// carry 1,000 short-term and 2,500 long-term.
  private func year2024() -> CarryoverRecord {
    let form = ScheduleD.compute(
      ScheduleDInput(rows: [
        row(.a, gain: -4_000),
        row(.d, gain: -2_500),
      ]))
    let sheet = CapitalLossCarryoverWorksheet(
      scheduleD: form,
      taxableIncome: Money(dollars: 40_000))
    return CarryoverRecord(
      taxYear: 2024, scheduleD: form, worksheet: sheet,
      taxableIncome: Money(dollars: 40_000))
  }

  func testExactBytes() throws {
    let text = String(decoding: try year2024().jsonBytes(), as: UTF8.self)
    XCTAssertEqual(
      text,
      """
      {
        "filing_status" : "single",
        "long_term_carryover_to_next_year" : "2500.00",
        "record" : "harvest-carryover",
        "schedule_d_line_15" : "-2500.00",
        "schedule_d_line_16" : "-6500.00",
        "schedule_d_line_21" : "-3000.00",
        "schedule_d_line_7" : "-4000.00",
        "short_term_carryover_to_next_year" : "1000.00",
        "tax_year" : 2024,
        "taxable_income" : "40000.00",
        "taxable_income_assumed" : false,
        "version" : 1
      }

      """)
  }

  func testRoundTrip() throws {
    var record = year2024()
    XCTAssertEqual(try CarryoverRecord.read(bytes: record.jsonBytes(), file: "c.json"), record)
    record.taxableIncome = nil
    record.taxableIncomeAssumed = true
    XCTAssertEqual(try CarryoverRecord.read(bytes: record.jsonBytes(), file: "c.json"), record)
  }

  /// Next year's --prior: 2024's carryover feeds 2025's lines 6 and 14. 2025 has a 500 ST
  /// gain and a 1,000 LT gain: line 7 = 500 − 1,000 = (500); line 15 = 1,000 − 2,500 =
  /// (1,500); line 16 (2,000); line 21 (2,000). TI 30,000: L4 2,000, L5 500, L7 2,000 → ST 0;
  /// L9 1,500, L11 2,000 − 500 = 1,500, L12 1,500 → LT 0. Nothing carries into 2026.
  func testTwoYearChainThroughPrior() throws {
    let parent = try archiveScratchFolder(self)
    let record2024 = year2024()
    _ = try ReportArchive.write(
      [ReportFile(name: CarryoverRecord.fileName, bytes: record2024.jsonBytes())],
      to: parent + "/Output/2024", force: false)

    let prior = try CarryoverRecord.readPrior(
      directory: parent + "/Output/2024",
      reportYear: 2025)
    XCTAssertEqual(prior.path, parent + "/Output/2024/carryover.json")
    XCTAssertEqual(prior.record, record2024)
    let form = ScheduleD.compute(
      ScheduleDInput(
        rows: [row(.a, gain: 500), row(.d, gain: 1_000)],
        shortTermCarryover: prior.record.shortTermCarryover,
        longTermCarryover: prior.record.longTermCarryover))
    XCTAssertEqual(form.amount("6"), Money(dollars: -1_000))
    XCTAssertEqual(form.amount("14"), Money(dollars: -2_500))
    XCTAssertEqual(form.amount("7"), Money(dollars: -500))
    XCTAssertEqual(form.amount("15"), Money(dollars: -1_500))
    XCTAssertEqual(form.amount("21"), Money(dollars: -2_000))
    let sheet = CapitalLossCarryoverWorksheet(
      scheduleD: form,
      taxableIncome: Money(dollars: 30_000))
    XCTAssertEqual(sheet[11], Money(dollars: 1_500))
    XCTAssertEqual(sheet.shortTermCarryover, .zero)
    XCTAssertEqual(sheet.longTermCarryover, .zero)
  }

  private func priorError(_ directory: String, year: Int = 2025) -> String {
    do {
      _ = try CarryoverRecord.readPrior(directory: directory, reportYear: year)
      XCTFail("expected an input error")
    } catch {
      return error.message
    }
    return ""
  }

  func testPriorErrorsNameTheFile() throws {
    let parent = try archiveScratchFolder(self)
    XCTAssertTrue(priorError(parent + "/none").hasPrefix(parent + "/none: "))

    let folder = parent + "/2024"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    let file = folder + "/carryover.json"
    XCTAssertTrue(
      priorError(folder).hasPrefix(file + ": expected a readable carryover.json")
        || priorError(folder).hasPrefix(file + ": a readable carryover.json"), priorError(folder))

    try Data("not json".utf8).write(to: URL(fileURLWithPath: file))
    XCTAssertTrue(priorError(folder).contains("not valid JSON"), priorError(folder))

    let good = String(decoding: try year2024().jsonBytes(), as: UTF8.self)
    try Data(good.replacingOccurrences(of: "\"tax_year\" : 2024,\n", with: "").utf8)
      .write(to: URL(fileURLWithPath: file))
    XCTAssertTrue(priorError(folder).hasPrefix(file + ": column 'tax_year':"), priorError(folder))

    try Data(good.replacingOccurrences(of: "\"-4000.00\"", with: "-4000").utf8)
      .write(to: URL(fileURLWithPath: file))
    XCTAssertTrue(
      priorError(folder).hasPrefix(file + ": column 'schedule_d_line_7':"),
      priorError(folder))

    try Data(good.utf8).write(to: URL(fileURLWithPath: file))
    XCTAssertTrue(
      priorError(folder, year: 2026)
        .hasPrefix(file + ": column 'tax_year': found \"2024\"; expected 2025"))
    XCTAssertEqual(
      try CarryoverRecord.readPrior(directory: folder, reportYear: 2025).record,
      year2024())
  }
}
