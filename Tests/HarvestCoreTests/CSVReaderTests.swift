import HarvestCore
import XCTest

/// RFC 4180 reading: quoting, line breaks, byte order marks and syntax errors.
final class CSVReaderTests: XCTestCase {
  /// Every record of `text` as (line, fields).
  private func records(_ bytes: [UInt8]) throws -> [(Int, [String])] {
    var reader = CSVReader(bytes: bytes)
    var fields: [CSVReader.Field] = []
    var result: [(Int, [String])] = []
    while let line = try reader.next(into: &fields) {
      result.append((line, fields.map { reader.text(of: $0) ?? "<not UTF-8>" }))
    }
    return result
  }

  private func records(_ text: String) throws -> [(Int, [String])] {
    try records(Array(text.utf8))
  }

  func testQuotedFieldsHoldCommasQuotesAndLineBreaks() throws {
    let found = try records("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\n3,,\"\"\n")
    XCTAssertEqual(found.map(\.0), [1, 2, 4])
    XCTAssertEqual(found[0].1, ["a", "b,c", "say \"hi\""])
    XCTAssertEqual(found[1].1, ["two\nlines", "x", ""])
    XCTAssertEqual(found[2].1, ["3", "", ""])
  }

  func testLineEndingsByteOrderMarkAndMissingFinalBreak() throws {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let found = try records(bom + Array("h1,h2\r\nx,y\ru,v\nlast,".utf8))
    XCTAssertEqual(found.map(\.0), [1, 2, 3, 4])
    XCTAssertEqual(found[0].1, ["h1", "h2"])
    XCTAssertEqual(found[2].1, ["u", "v"])
    XCTAssertEqual(found[3].1, ["last", ""])
  }

  func testTextAfterAClosingQuoteIsAnErrorAndReadingGoesOn() throws {
    var reader = CSVReader(bytes: Array("a,\"b\"x,c\nd,e\n".utf8))
    var fields: [CSVReader.Field] = []
    do {
      _ = try reader.next(into: &fields)
      XCTFail("expected a syntax error")
    } catch {
      XCTAssertEqual(error.line, 1)
      XCTAssertEqual(error.field, 1)
      XCTAssertEqual(error.found, "\"b\"x,c")
      XCTAssertTrue(error.message.hasPrefix("a comma or the end of the line"))
    }
    XCTAssertEqual(try reader.next(into: &fields), 2)
    XCTAssertEqual(fields.map { reader.text(of: $0) }, ["d", "e"])
  }

  func testAQuoteNeverClosedNamesTheLineWhereItOpens() throws {
    var reader = CSVReader(bytes: Array("a,b\nc,\"open\nmore\nlines".utf8))
    var fields: [CSVReader.Field] = []
    XCTAssertEqual(try reader.next(into: &fields), 1)
    do {
      _ = try reader.next(into: &fields)
      XCTFail("expected a syntax error")
    } catch {
      XCTAssertEqual(error.line, 2)
      XCTAssertEqual(error.field, 1)
      XCTAssertTrue(error.found.hasPrefix("\"open"))
    }
    XCTAssertNil(try reader.next(into: &fields))
  }

  func testInvalidUTF8IsReportedAsNilNotACrash() throws {
    let found = try records([0x61, 0x2C, 0xFF, 0xFE, 0x0A])
    XCTAssertEqual(found[0].1, ["a", "<not UTF-8>"])
  }

  func testErrorMessagesShowControlAndDirectionCharactersVisibly() {
    let error = InputError(
      file: "t.csv", line: 3, column: "symbol",
      found: "A\u{1B}[2J\u{202E}B\u{85}", expected: "a symbol")
    XCTAssertEqual(
      error.message,
      "t.csv:3: column 'symbol': found \"A\\u{1b}[2J\\u{202e}B\\u{85}\"; "
        + "expected a symbol")
    let numbered = InputError(
      file: "t.csv", line: 1, column: nil, found: "x", expected: "y",
      columnNumber: 4)
    XCTAssertEqual(numbered.message, "t.csv:1: column 4: found \"x\"; expected y")
  }
}
