import HarvestCore
import XCTest

/// Text from the trades file reaches the report CSVs; none of it may open as a formula.
final class FuzzFormulaCellsTests: XCTestCase {
  func testRiskyFirstCharactersAreNeutralizedUnlessTheCellIsANumber() {
    let cases: [(String, String)] = [
      ("=1+2", "'=1+2"), ("+1+2", "'+1+2"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
      ("\tcmd", "'\tcmd"), ("\rcmd", "'\rcmd"), ("-250.00", "-250.00"), ("+5", "+5"),
      ("-1.5", "-1.5"), ("-", "'-"), ("-.", "'-."), ("-1-1", "'-1-1"), ("ABC", "ABC"),
      ("", ""), ("a=b", "a=b"),
    ]
    for (input, expected) in cases {
      XCTAssertEqual(CSVWriter.neutralized(input), expected, "input \(input.debugDescription)")
    }
  }

  func testDescriptionsSymbolsAndAccountsFromInputAreNeutralizedInEveryCSV() throws {
    let csv = """
      date,account,action,symbol,quantity,price,fees,description
      2025-01-02,@Main,buy,=HYPERLINK(1),10,10,0,
      2025-02-03,@Main,sell,=HYPERLINK(1),10,5,0,"=cmd|' /C calc'!A0"
      2025-02-10,-Other,buy,=HYPERLINK(1),10,5,0,
      """
    let report = try makeReport(csv, year: 2025)
    let form = String(decoding: ReportCSV.form8949(report.rows), as: UTF8.self)
    let washes = String(decoding: ReportCSV.washSales(report.washSales), as: UTF8.self)
    let deferred = String(
      decoding: ReportCSV.deferredLosses(report.deferredLosses),
      as: UTF8.self)
    XCTAssertEqual(
      form.split(separator: "\n").last,
      "A,'=cmd|' /C calc'!A0,2025-01-02,"
        + "2025-02-03,50.00,100.00,W,50.00,0.00")
    XCTAssertEqual(
      washes.split(separator: "\n").last,
      "'=HYPERLINK(1),2025-02-03,'@Main,10,"
        + "50.00,'-Other,2025-02-10,50.00,2025-01-09,no")
    XCTAssertEqual(
      deferred.split(separator: "\n").last,
      "'=HYPERLINK(1),'-Other,2025-02-10,10,50.00")
    for bytes in [form, washes, deferred].map({ Array($0.utf8) }) {
      FuzzTests.checkNoFormulaCells(bytes, seed: 0)
    }
  }
}
