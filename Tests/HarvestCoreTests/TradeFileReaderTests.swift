import HarvestCore
import XCTest

/// The trades file as brokers export it, and every way it can be wrong.
final class TradeFileReaderTests: XCTestCase {
  private func read(_ text: String) throws -> TradeBook {
    try TradeFileReader.read(bytes: Array(text.utf8), file: "trades.csv")
  }

  private func errors(_ bytes: [UInt8]) -> InputErrors? {
    do {
      _ = try TradeFileReader.read(bytes: bytes, file: "trades.csv")
      return nil
    } catch {
      return error
    }
  }

  private func messages(
    _ text: String, file: StaticString = #filePath, line: UInt = #line
  )
    -> [String]
  {
    inputErrors({ _ = try read(text) }, file: file, line: line)
  }

  func testBrokerExportWithPreambleQuotesAndFooterIsRead() throws {
    let text =
      "\u{FEFF}Account statement for \"Joint\"\r\n"
      + "Generated,2026-01-05\r\n"
      + "\r\n"
      + " Date , ACCOUNT,Action,Symbol,Quantity,Price,Fees,Description,Notes,,\r\n"
      + "2025-01-02,Main,BUY,abc,\"1,000\",$12.50,$1.00,\"ABC Corp, class A\","
      + "\"two\r\nlines\",,\r\n"
      + "\r\n"
      + "2025-02-03,Main,sell,abc,10.000000000,\"$1,234.567890\",(0.00),,,,\r\n"
      + "Total,,,,,,,,,,\r\n"
      + ",,,,,,,,,,\r\n"
    let book = try read(text)
    XCTAssertEqual(book.trades.count, 2)
    XCTAssertEqual(book.trades.map(\.line), [5, 8])
    XCTAssertEqual(book.symbols.names, ["ABC"])
    XCTAssertEqual(book.trades[0].quantity, Shares(whole: 1000))
    XCTAssertEqual(book.trades[0].amount, money("12501.00"))
    XCTAssertEqual(book.trades[0].description, "ABC Corp, class A")
    XCTAssertEqual(book.trades[1].price, Price(micros: 1_234_567_890))
    XCTAssertEqual(book.trades[1].fees, .zero)
    XCTAssertEqual(book.skippedFooterLines, [9])
    let report = try YearReportBuilder.build(book, .init(taxYear: 2025))
    XCTAssertEqual(
      report.warnings,
      [
        "trades.csv:9: skipped a footer line (only its first column is filled)"
      ])
  }

  func testAFooterFollowedByTradesIsAnError() {
    XCTAssertEqual(
      messages(
        trades(
          """
          2025-01-02,Main,buy,ABC,1,10,0
          Subtotal,,,,,,
          2025-01-03,Main,buy,ABC,1,10,0
          """)),
      [
        "trades.csv:3: column 'date': found \"Subtotal\"; expected a trade row; this line has "
          + "only its first column filled, which is allowed only in a footer after the last trade"
      ])
  }

  func testNegativeZeroAndMalformedNumbersNameTheFieldAndTheExpectation() {
    let found = messages(
      trades(
        """
        2025-01-02,Main,buy,ABC,(45.00),10,0
        2025-01-02,Main,buy,ABC,-45,10,0
        2025-01-02,Main,buy,ABC,0,10,0
        2025-01-02,Main,buy,ABC,1,-45.00,0
        2025-01-02,Main,buy,ABC,1,10,(1.00)
        2025-01-02,Main,buy,ABC,$1,10,0
        2025-01-02,Main,buy,ABC,1,"1,23.00",0
        2025-01-02,Main,buy,ABC,1,12abc,0
        2025-01-02,Main,buy,ABC,1.123456789,10,0
        2025-02-30,Main,buy,ABC,1,10,0
        2025-01-02,Main,split,ABC,1,10,0
        """))
    XCTAssertEqual(
      found,
      [
        "trades.csv:2: column 'quantity': found \"(45.00)\"; expected a number of shares greater "
          + "than zero (a sale is a sell row with a positive quantity)",
        "trades.csv:3: column 'quantity': found \"-45\"; expected a number of shares greater "
          + "than zero (a sale is a sell row with a positive quantity)",
        "trades.csv:4: column 'quantity': found \"0\"; expected a number of shares greater than zero",
        "trades.csv:5: column 'price': found \"-45.00\"; expected a price per share of zero or "
          + "more; a price cannot be negative",
        "trades.csv:6: column 'fees': found \"(1.00)\"; expected fees in dollars of zero or more; "
          + "a rebate is not a fee",
        "trades.csv:7: column 'quantity': found \"$1\"; expected a number of shares greater than "
          + "zero",
        "trades.csv:8: column 'price': found \"1,23.00\"; expected a price per share of zero or "
          + "more; commas must separate groups of 3 digits",
        "trades.csv:9: column 'price': found \"12abc\"; expected a price per share of zero or more",
        "trades.csv:10: column 'quantity': found \"1.123456789\"; expected a number of shares "
          + "greater than zero, with at most 8 decimals",
        "trades.csv:11: column 'date': found \"2025-02-30\"; expected a real calendar date "
          + "written YYYY-MM-DD",
        "trades.csv:12: column 'action': found \"split\"; expected buy or sell (splits, symbol "
          + "changes, dividends and other actions are not supported yet)",
      ])
  }

  func testErrorsStopAtTheLimitAndSayMoreWereFound() {
    let rows = String(repeating: "2025-01-02,Main,buy,ABC,x,10,0\n", count: 80)
    guard let found = errors(Array(trades(rows).utf8)) else {
      return XCTFail("expected errors")
    }
    XCTAssertEqual(found.errors.count, TradeFileReader.errorLimit)
    XCTAssertTrue(found.truncated)
    XCTAssertTrue(found.description.hasSuffix("fix these and run again)"))
  }

  func testTruncatedLinesReportEveryMissingField() {
    let found = messages(trades("2025-01-02,Main,buy\n"))
    XCTAssertEqual(found.count, 4)
    XCTAssertTrue(found[0].hasPrefix("trades.csv:2: column 'symbol':"), found[0])
    XCTAssertTrue(found[1].hasPrefix("trades.csv:2: column 'quantity': found \"\""), found[1])
    XCTAssertTrue(found[2].hasPrefix("trades.csv:2: column 'price': found \"\""), found[2])
    XCTAssertTrue(found[3].hasPrefix("trades.csv:2: column 'fees': a fees field"), found[3])
  }

  func testInvalidUTF8NamesTheLineAndColumn() {
    var bytes = Array(trades("2025-01-02,Main,buy,AB").utf8)
    bytes += [0xC3, 0x28]
    bytes += Array(",1,10,0\n".utf8)
    guard let found = errors(bytes) else { return XCTFail("expected errors") }
    XCTAssertEqual(
      found.errors.map(\.message),
      [
        "trades.csv:2: column 'symbol': found \"AB\u{FFFD}(\"; expected text in UTF-8; the bytes "
          + "shown as \u{FFFD} are not UTF-8 (save the file as CSV UTF-8)"
      ])
  }

  func testAFileInUTF16OrWithoutAHeaderSaysSo() {
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in trades("").utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    XCTAssertEqual(
      errors(utf16)?.errors.map(\.message),
      [
        "trades.csv:1: text in UTF-8; this file is in UTF-16 (save it as CSV UTF-8)"
      ])
    XCTAssertEqual(
      messages("date,account,action,symbol,quantity,price\n"),
      [
        "trades.csv: a header line naming the columns date, account, action, symbol, quantity, "
          + "price, fees; no line names them all"
      ])
  }

  func testDuplicateAndRepeatedHeadersAreErrors() {
    XCTAssertEqual(
      messages("date,account,action,symbol,quantity,price,fees,Price\n"),
      [
        "trades.csv:1: column 8: found \"Price\"; expected each column named once in the header; "
          + "'price' is already column 6"
      ])
    XCTAssertEqual(
      messages(trades("date,account,action,symbol,quantity,price,fees\n")),
      [
        "trades.csv:2: a trade row; this line repeats the header line (were two files joined? "
          + "keep one header)"
      ])
  }

  func testCSVSyntaxErrorsNameTheColumnAndReadingGoesOn() {
    let found = messages(
      trades(
        """
        2025-01-02,Main,buy,"ABC"D,1,10,0
        2025-01-02,Main,buy,ABC,x,10,0
        2025-01-02,Main,buy,ABC,1,10,"0
        """))
    XCTAssertEqual(
      found,
      [
        "trades.csv:2: column 'symbol': found \"\\\"ABC\\\"D,1,10,0\"; expected a comma or the end "
          + "of the line after a closing double quote (a quote inside a quoted field is written "
          + "twice)",
        "trades.csv:3: column 'quantity': found \"x\"; expected a number of shares greater than "
          + "zero",
        "trades.csv:4: column 'fees': found \"\\\"0\"; expected a closing double quote; this "
          + "quoted field runs to the end of the file",
      ])
  }

  func testControlCharactersInNamesAreRejected() {
    let found = messages(trades("2025-01-02,\"Ma\u{1B}[31min\",buy,\"AB\u{202E}C\",1,10,0\n"))
    XCTAssertEqual(found.count, 2)
    XCTAssertTrue(found[0].hasPrefix("trades.csv:2: column 'account': found \"Ma\\u{1b}[31min\""))
    XCTAssertTrue(found[1].hasSuffix("expected text on one line without control characters"))
  }

  func testHugeNumbersAreRejectedWithoutOverflow() {
    let found = messages(
      trades(
        """
        2025-01-02,Main,buy,ABC,"10,000,000,000",1000000000,0
        2025-01-02,Main,buy,ABC,99999999999999999999999,1,0
        2025-01-02,Main,buy,ABC,1,10,99999999999999999999.99
        """))
    XCTAssertEqual(
      found,
      [
        "trades.csv:2: column 'quantity': found \"10,000,000,000\"; expected a trade worth at "
          + "most $10,000,000,000.00; quantity × price is larger",
        "trades.csv:3: column 'quantity': found \"99999999999999999999999\"; expected a number of "
          + "shares greater than zero of a realistic size",
        "trades.csv:4: column 'fees': found \"99999999999999999999.99\"; expected fees in dollars "
          + "of zero or more of a realistic size",
      ])
  }

  func testSharesBoughtPerAccountAndSymbolAreBounded() {
    let row = "2025-01-02,Main,buy,ABC,\"10,000,000,000\",0,0\n"
    let found = messages(trades(row + row + row))
    XCTAssertEqual(
      found,
      [
        "trades.csv:4: column 'quantity': found \"10000000000\"; expected at most "
          + "20,000,000,000 shares of ABC bought in account Main over the whole file; this buy "
          + "passes that"
      ])
  }

  func testTheFileTotalIsBoundedSoEverySumStaysExact() {
    var rows = ""
    for _ in 0..<600 {
      rows += "2025-01-02,Main,buy,ABC,10,1000000000,0\n2025-01-03,Main,sell,ABC,10,1000000000,0\n"
    }
    let found = messages(trades(rows))
    XCTAssertEqual(found.count, 1)
    XCTAssertTrue(found[0].contains("stay below 2^59 cents"), found[0])
  }

  func testTrailingZerosBeyondTheDecimalsAreAcceptedEvenInLongRuns() throws {
    let zeros = String(repeating: "0", count: 200_000)
    let book = try read(trades("2025-01-02,Main,buy,ABC,1.5\(zeros),10.\(zeros),0\n"))
    XCTAssertEqual(book.trades[0].quantity, Shares(units: 150_000_000))
    XCTAssertEqual(book.trades[0].amount, money("15.00"))
  }

  func testAFilledFieldBeyondTheHeaderIsAnError() {
    // An unquoted 1,500.00 splits into two fields and shifts the fees: never read it as a
    // price of 1 and fees of 500.00.
    let found = messages(trades("2025-01-05,T,buy,X,10,1,500.00,0\n"))
    XCTAssertEqual(found.count, 1)
    XCTAssertTrue(found[0].hasPrefix("trades.csv:2: at most 7 fields"), found[0])
    XCTAssertTrue(found[0].contains("1,500.00"), found[0])
    XCTAssertNotNil(
      try? TradeFileReader.read(
        bytes: Array(trades("2025-01-05,T,buy,X,10,1,0,,,\n").utf8), file: "trades.csv"))
  }
}
