import XCTest

@testable import HarvestCore

/// Reading a trades file in two parts on two cores must give exactly what one pass gives:
/// the same trades, names, day ordinals and footers, or the same errors in the same order.
final class TradeFileSplitTests: XCTestCase {
  private let header = "date,account,action,symbol,quantity,price,fees,asset"

  /// Everything a read produces, as text.
  private func outcome(_ bytes: [UInt8], splitAt: Int) -> (text: String, split: Bool) {
    var split = false
    do {
      let book = try TradeFileReader.read(
        bytes: bytes, file: "t.csv", splitAt: splitAt, split: &split)
      let rows = book.trades.map { trade in
        [
          String(trade.line), trade.date.description, String(trade.account),
          String(trade.symbol), String(describing: trade.action), trade.quantity.description,
          trade.price.description, trade.fees.description, trade.amount.description,
          String(trade.dayOrdinal), trade.asset.rawValue,
        ]
        .joined(separator: "|")
      }
      let text = [
        "accounts: " + book.accounts.names.joined(separator: ","),
        "symbols: " + book.symbols.names.joined(separator: ","),
        "footers: " + book.skippedFooterLines.map(String.init).joined(separator: ","),
        "last: " + (book.lastDate?.description ?? "-"),
      ]
      return ((text + rows).joined(separator: "\n"), split)
    } catch {
      return ("errors: \(error.errors.count) \(error.truncated)\n" + error.description, split)
    }
  }

  /// Checks every place the file could be split against one pass.
  ///
  /// - Returns: how many of those places the file was read in two parts.
  @discardableResult
  private func checkEverySplit(
    _ text: String, file: StaticString = #filePath, line: UInt = #line
  ) -> Int {
    let bytes = Array(text.utf8)
    let (whole, wasSplit) = outcome(bytes, splitAt: Int.max)
    XCTAssertFalse(wasSplit, file: file, line: line)
    var splits = 0
    // A split moves on to the next line start, so the line starts are every distinct split.
    let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 10 }.map { $0 + 1 }
    for offset in lineStarts {
      let (parts, split) = outcome(bytes, splitAt: offset)
      XCTAssertEqual(parts, whole, "split at \(offset)", file: file, line: line)
      if split { splits += 1 }
    }
    return splits
  }

  func testRunsOfOneDayAccountAndSymbolAcrossTheSplit() {
    var lines = [header]
    for index in 0..<12 {
      lines.append("2025-03-0\(1 + index / 5),Main,buy,ABC,\(index + 1),10.00,0,")
      lines.append("2025-03-0\(1 + index / 5),IRA,sell,abc,1,11.50,0.25,")
    }
    XCTAssertGreaterThan(checkEverySplit(lines.joined(separator: "\n") + "\n"), 20)
  }

  func testNamesFirstSeenInTheSecondPart() {
    let text = trades(
      """
      2025-01-02,Main,buy,ABC,10,1.00,0
      2025-01-02,Main,buy,XYZ,10,1.00,0
      2025-01-03,Main,sell,ABC,5,2.00,0
      2025-01-04,Joint,buy,QQQ,3,7.00,0
      2025-01-04,Main,buy,qqq,3,7.00,0
      2025-01-05,Joint,buy,XYZ,2,1.00,0
      2025-01-06,Roth,buy,ABC,1,1.00,0
      """)
    XCTAssertGreaterThan(checkEverySplit(text), 5)
  }

  func testErrorsInBothPartsAndPastTheLimit() {
    var lines = [header]
    for index in 0..<70 {
      lines.append("2025-01-\(10 + index % 18),Main,buy,ABC,\(index % 3 == 0 ? "x" : "1"),1,0,")
      lines.append("2025-02-30,Main,sell,ABC,1,1,0,")
    }
    XCTAssertGreaterThan(checkEverySplit(lines.joined(separator: "\n")), 50)

    let few = trades(
      """
      2025-01-02,Main,buy,ABC,10,1.00,0
      2025-01-02,Main,hold,ABC,10,1.00,0
      2025-01-03,Main,sell,ABC,1,1.00,-1
      2025-01-04,Main,buy,ABC,1,1.00,0
      2025-01-05,Main,buy,ABC,1e3,1.00,0
      """)
    XCTAssertGreaterThan(checkEverySplit(few), 3)
  }

  func testFooterLinesBeforeAndAfterTheSplit() {
    let text = trades(
      """
      2025-01-02,Main,buy,ABC,10,1.00,0
      Subtotal,,,,,,
      ,,,,,,
      Subtotal,,,,,,
      2025-01-03,Main,sell,ABC,1,1.00,0
      2025-01-04,Main,buy,ABC,1,1.00,0
      Total,,,,,,
      ,,,,,,
      Generated 2026-01-05,,,,,,
      """)
    XCTAssertGreaterThan(checkEverySplit(text), 5)
    let trailing = trades(
      """
      2025-01-02,Main,buy,ABC,10,1.00,0
      2025-01-03,Main,buy,ABC,10,1.00,0
      Total,,,,,,

      Generated 2026-01-05,,,,,,
      """)
    XCTAssertGreaterThan(checkEverySplit(trailing), 2)
  }

  func testLineEndingsAndSpaces() {
    let rows = [
      header, "2025-01-02,Main,buy,ABC,10,1.00,0,", "2025-01-02, Main ,buy,ABC,10,1.00,0,",
      "2025-01-03,Main,sell,ABC,1,$1.00,0,", "", "2025-01-04,Main,BUY,abc,1,1.00,,",
      "2025-01-05,Main,buy,ABC,1,1.00,0,security",
    ]
    XCTAssertGreaterThan(checkEverySplit(rows.joined(separator: "\r\n") + "\r\n"), 4)
    let mixed = rows.enumerated().map { $0.element + ($0.offset % 2 == 0 ? "\r" : "\n") }
    XCTAssertGreaterThan(checkEverySplit(mixed.joined()), 1)
  }

  func testQuotedFieldsAroundTheSplit() {
    let rows = [
      header, "2025-01-02,Main,buy,ABC,10,1.00,0,", "2025-01-03,Main,buy,ABC,10,1.00,0,",
      "2025-01-04,\"Main\",buy,ABC,\"1,000\",1.00,0,",
      "2025-01-05,Main,buy,\"A\nB\",1,1.00,0,", "2025-01-06,Main,buy,ABC,1,1.00,0,",
      "2025-01-07,Main,buy,ABC,1,\"1.00\"x,0,", "2025-01-08,Main,buy,ABC,1,1.00,0,",
    ]
    let text = rows.joined(separator: "\n") + "\n"
    // Splits after the first quote are refused; the ones before it read the quotes in the
    // second part.
    let splits = checkEverySplit(text)
    XCTAssertGreaterThan(splits, 0)
    let quote = text.utf8.firstIndex(of: UInt8(ascii: "\""))!
    let beforeQuote = text.utf8.distance(from: text.utf8.startIndex, to: quote)
    XCTAssertTrue(outcome(Array(text.utf8), splitAt: beforeQuote - 20).split)
    XCTAssertFalse(outcome(Array(text.utf8), splitAt: beforeQuote + 1).split)
  }

  func testAssetKindsAcrossTheSplitAreSettledInOnePass() {
    let rows = [
      header, "2025-01-02,Main,buy,COIN,1,1.00,0,digital", "2025-01-03,Main,buy,XYZ,1,1.00,0,",
      "2025-01-04,Main,buy,COIN,1,1.00,0,", "2025-01-05,Main,buy,COIN,1,1.00,0,digital",
      "2025-01-06,Main,buy,XYZ,1,1.00,0,digital", "2025-01-07,Main,buy,XYZ,1,1.00,0,",
    ]
    checkEverySplit(rows.joined(separator: "\n"))
    let agreeing = rows.map { $0.replacingOccurrences(of: ",digital", with: ",") }
    XCTAssertGreaterThan(checkEverySplit(agreeing.joined(separator: "\n")), 3)
  }

  func testTotalsCheckedOverBothParts() {
    var lines = [header]
    for day in 1...9 { lines.append("2025-01-0\(day),Main,buy,ABC,3000000000,1,0,") }
    checkEverySplit(lines.joined(separator: "\n"))
  }
}
