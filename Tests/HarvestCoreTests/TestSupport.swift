import HarvestCore
import XCTest

/// Builds a year's report from trades written as CSV, the way a user's file is read.
func makeReport(
  _ csv: String, year: Int, status: FilingStatus = .single, accounts: [Account] = [],
  identical: [String: String] = [:], convention: HoldingPeriodConvention = .tacked,
  file: StaticString = #filePath, line: UInt = #line
) throws -> YearReport {
  let book = try TradeFileReader.read(bytes: Array(csv.utf8), file: "trades.csv")
  var byName: [String: Account] = [:]
  for account in accounts { byName[account.name] = account }
  return try YearReportBuilder.build(
    book,
    YearReportBuilder.Options(
      taxYear: year, filingStatus: status, accounts: byName, identicalGroups: identical,
      convention: convention))
}

/// A trades file with the mandatory header.
func trades(_ rows: String) -> String {
  "date,account,action,symbol,quantity,price,fees\n" + rows
}

func money(_ text: String) -> Money {
  Money(
    cents: try! DecimalText.parse(
      text,
      .init(
        decimals: 2, allowsDollarSign: true,
        limit: .max / 2)))
}

func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

/// The error messages an input produced, or a failure when it produced none.
func inputErrors(
  _ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line
)
  -> [String]
{
  do {
    try body()
    XCTFail("expected an input error", file: file, line: line)
    return []
  } catch let errors as InputErrors {
    return errors.errors.map(\.message)
  } catch {
    XCTFail("unexpected error \(error)", file: file, line: line)
    return []
  }
}
