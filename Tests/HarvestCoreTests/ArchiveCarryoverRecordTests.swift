import Foundation
import HarvestCore
import XCTest

/// `carryover.json`: what it holds, its round trip, and the checks `--prior` makes.
final class ArchiveCarryoverRecordTests: XCTestCase {
  private func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return encoder
  }

  /// Pub. 550's Bob and Shelly, all short-term (§5.5 first row): carry 4,000 short-term.
  private func bobAndShelly(taxableIncome: Money?) -> CarryoverRecord {
    let form = ScheduleD.compute(
      ScheduleDInput(
        rows: nettingRows(shortTerm: -7_000, longTerm: 0), filingStatus: .marriedFilingJointly))
    let sheet = CapitalLossCarryoverWorksheet(scheduleD: form, taxableIncome: taxableIncome)
    return CarryoverRecord(
      taxYear: 2025, scheduleD: form, worksheet: sheet,
      taxableIncome: taxableIncome)
  }

  func testRecordHoldsTheYearsFigures() throws {
    let record = bobAndShelly(taxableIncome: usd(26_000))
    XCTAssertEqual(record.shortTermCarryover, usd(4_000))
    XCTAssertEqual(record.longTermCarryover, usd(0))
    XCTAssertEqual(record.scheduleDLine7, usd(-7_000))
    XCTAssertEqual(record.scheduleDLine15, usd(0))
    XCTAssertEqual(record.scheduleDLine16, usd(-7_000))
    XCTAssertEqual(record.scheduleDLine21, usd(-3_000))

    let text = String(decoding: try encoder().encode(record), as: UTF8.self)
    XCTAssertEqual(
      text,
      """
      {"filing_status":"mfj","long_term_carryover_to_next_year":"0.00",\
      "record":"harvest-carryover","schedule_d_line_15":"0.00","schedule_d_line_16":"-7000.00",\
      "schedule_d_line_21":"-3000.00","schedule_d_line_7":"-7000.00",\
      "short_term_carryover_to_next_year":"4000.00","tax_year":2025,\
      "taxable_income":"26000.00","taxable_income_assumed":false,"version":1}
      """)
  }

  func testRoundTripWithAndWithoutTaxableIncome() throws {
    for record in [bobAndShelly(taxableIncome: usd(-1_250)), bobAndShelly(taxableIncome: nil)] {
      let data = try encoder().encode(record)
      XCTAssertEqual(try JSONDecoder().decode(CarryoverRecord.self, from: data), record)
    }
    let assumed = bobAndShelly(taxableIncome: nil)
    XCTAssertTrue(assumed.taxableIncomeAssumed)
    XCTAssertTrue(
      String(decoding: try encoder().encode(assumed), as: UTF8.self)
        .contains("\"taxable_income\":null"))
  }

  func testRefusesAmountsThatAreNotDecimalStrings() {
    let good = String(
      decoding: try! encoder().encode(bobAndShelly(taxableIncome: nil)),
      as: UTF8.self)
    for bad in [
      good.replacingOccurrences(of: "\"4000.00\"", with: "4000"),
      good.replacingOccurrences(of: "\"4000.00\"", with: "\"-4000.00\""),
      good.replacingOccurrences(of: "\"4000.00\"", with: "\"4000.001\""),
      good.replacingOccurrences(of: "\"mfj\"", with: "\"joint\""),
      good.replacingOccurrences(of: "harvest-carryover", with: "something-else"),
      good.replacingOccurrences(of: "\"version\":1", with: "\"version\":2"),
    ] {
      XCTAssertNotEqual(bad, good)
      XCTAssertThrowsError(try JSONDecoder().decode(CarryoverRecord.self, from: Data(bad.utf8)))
    }
  }

  func testPriorYearMustBeTheYearBefore() throws {
    let record = bobAndShelly(taxableIncome: nil)
    XCTAssertNoThrow(try record.checkPrecedes(reportYear: 2026, file: "Output/2025/c.json"))
    do {
      try record.checkPrecedes(reportYear: 2027, file: "Output/2025/carryover.json")
      XCTFail("a 2025 record cannot feed 2027")
    } catch {
      XCTAssertTrue(
        error.message.hasPrefix(
          "Output/2025/carryover.json: column 'tax_year': found \"2025\"; expected 2026"))
    }
  }

  func testFilingStatusChangeWarns() {
    let record = bobAndShelly(taxableIncome: nil)
    XCTAssertEqual(record.warnings(forFilingStatus: .marriedFilingJointly), [])
    XCTAssertEqual(record.warnings(forFilingStatus: .marriedFilingSeparately).count, 1)
  }
}
