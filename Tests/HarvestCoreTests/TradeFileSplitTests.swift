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

  func testDatesOutOfOrderWithinAndAcrossTheParts() {
    let text = trades(
      """
      2025-01-02,Main,buy,ABC,1,1.00,0
      2025-01-03,Main,buy,ABC,1,1.00,0
      2025-01-03,Main,buy,ABC,1,1.00,0
      2025-01-02,Main,buy,ABC,1,1.00,0
      2025-01-03,Main,buy,ABC,1,1.00,0
      2025-01-04,IRA,buy,ABC,1,1.00,0
      2025-01-04,Main,buy,ABC,1,1.00,0
      2025-01-03,Main,sell,ABC,1,1.00,0
      2025-01-04,Main,buy,ABC,1,1.00,0
      """)
    XCTAssertGreaterThan(checkEverySplit(text), 6)
  }

  /// Each part's money passes the bound on its own; the whole file's does not.
  func testTheFileTotalOverBothParts() {
    var lines = [header]
    for _ in 0..<600 {
      lines.append("2025-01-02,Main,buy,ABC,10,1000000000,0,")
      lines.append("2025-01-03,Main,sell,ABC,10,1000000000,0,")
    }
    let bytes = Array(lines.joined(separator: "\n").utf8)
    let (whole, _) = outcome(bytes, splitAt: Int.max)
    XCTAssertTrue(whole.contains("stay below 2^59 cents"), whole)
    for fraction in [1, 3, 5, 7] {
      let (parts, split) = outcome(bytes, splitAt: bytes.count * fraction / 8)
      XCTAssertTrue(split)
      XCTAssertEqual(parts, whole)
    }
    let fewer = Array(lines.prefix(1_000).joined(separator: "\n").utf8)
    let (passing, _) = outcome(fewer, splitAt: fewer.count / 2)
    XCTAssertFalse(passing.hasPrefix("errors"), passing)
  }

  /// The line breaks and quotes counted a block at a time, against one byte at a time, at
  /// every start and end around the blocks.
  func testBreaksAndQuotesAreCounted() {
    let pattern: [UInt8] = [10, 13, 34, 65, 10, 10, 0, 255, 13, 10, 34, 34, 9]
    let bytes = (0..<700).map { pattern[($0 * $0 + $0 / 5) % pattern.count] }
    bytes.withUnsafeBufferPointer { buffer in
      for start in [0, 1, 7, 31, 32, 33] {
        for end in [start, start + 1, 63, 64, 65, 300, 699, 700] where end >= start {
          let part = bytes[start..<end]
          let lineFeeds = part.filter { $0 == 10 }.count
          let carriageReturns = part.filter { $0 == 13 }.count
          let found = TradeFileSplit.breaks(buffer, from: start, to: end)
          XCTAssertEqual(found.count, lineFeeds + carriageReturns, "\(start)..<\(end)")
          XCTAssertEqual(found.carriageReturns, carriageReturns, "\(start)..<\(end)")
          XCTAssertEqual(found.quotes, part.filter { $0 == 34 }.count, "\(start)..<\(end)")
        }
      }
    }
    let long = [UInt8](repeating: 10, count: 32 * 300 + 5)
    long.withUnsafeBufferPointer { buffer in
      XCTAssertEqual(TradeFileSplit.breaks(buffer, from: 0, to: long.count).count, long.count)
    }
  }

  func testTotalsCheckedOverBothParts() {
    var lines = [header]
    for day in 1...9 { lines.append("2025-01-0\(day),Main,buy,ABC,3000000000,1,0,") }
    checkEverySplit(lines.joined(separator: "\n"))
  }
}
