import SeededRandom
import XCTest

@testable import HarvestCore

/// The trades reader's byte-level fast path must read every row exactly as the careful path
/// does: the same trades, or the same errors.
final class TradeFileFastPathTests: XCTestCase {
  private func summary(_ bytes: [UInt8], careful: Bool) -> String {
    do {
      let book =
        careful
        ? try TradeFileReader.readCarefully(bytes: bytes, file: "t.csv")
        : try TradeFileReader.read(bytes: bytes, file: "t.csv")
      return book.trades.map { trade in
        [
          String(trade.line), trade.date.description, book.accounts[trade.account],
          String(describing: trade.action), book.symbols[trade.symbol],
          trade.quantity.description, trade.price.description, trade.fees.description,
          trade.amount.description, String(trade.dayOrdinal), String(describing: trade.selector),
          String(describing: trade.acquired), trade.description ?? "-",
          trade.form.rawValue, String(trade.basisReported), trade.asset.rawValue,
        ]
        .joined(separator: "|")
      }.joined(separator: "\n")
    } catch {
      return "errors: " + error.description
    }
  }

  func testBothPathsAgreeOnSeededRows() {
    var random = SplitMix64(seed: 42)
    let pieces: [[String]] = [
      ["2025-01-02", "2025-02-30", " 2025-03-03 ", "2025-1-2", ""],
      ["Main", " Main ", "main", "", "IRA\u{7}", "Caf\u{E9}"],
      ["buy", "BUY", "Sell", "sell ", "split", ""],
      ["abc", "XYZ", " msft", "", "A\"B"],
      ["10", "1,000", "0", "-5", "0.123456789", "1e3", "0.5", "\"2\""],
      ["10", "$12.50", "0", "-1", "1,234.567891", "(3)", "10000000000"],
      ["", "0", "1.00", "$4.95", "-1", "(0.00)", "0.001"],
    ]
    var checked = 0
    for _ in 0..<2_000 {
      var lines = ["date,account,action,symbol,quantity,price,fees,description"]
      for _ in 0..<(1 + random.below(5)) {
        var fields = pieces.map { $0[random.below($0.count)] }
        fields.append(random.below(4) == 0 ? "note" : "")
        lines.append(
          fields.map { $0.contains(",") && !$0.hasPrefix("\"") ? "\"\($0)\"" : $0 }
            .joined(separator: ","))
      }
      let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
      XCTAssertEqual(
        summary(bytes, careful: false), summary(bytes, careful: true),
        lines.joined(separator: "\n"))
      checked += 1
    }
    XCTAssertEqual(checked, 2_000)
  }

  /// The line scan looks at eight bytes at a time: a byte that makes a line not plain, or ends
  /// or quotes it, is found at every offset within those eight.
  func testBytesThatAreNotPlainAreFoundAtEveryOffset() {
    let row = "2025-01-02,Main,buy,ABCDEFGH,10,1.50,0.25,"
    for special in [" ", "\t", "\u{7F}", "\u{1}", "\u{E9}", "\"", "\r", "\r\n", ",x"] {
      for offset in 0...row.utf8.count {
        let cut = row.utf8.index(row.utf8.startIndex, offsetBy: offset)
        let line = String(row[..<cut]) + special + String(row[cut...])
        for prefix in ["", "x", "xyz", "xyzw123"] {
          let text =
            "date,account,action,symbol,quantity,price,fees,description\n" + prefix
            + "\n" + line + "\n" + row + "\n"
          let bytes = Array(text.utf8)
          XCTAssertEqual(summary(bytes, careful: false), summary(bytes, careful: true), text)
        }
      }
    }
    XCTAssertEqual(TradeFileReader.specialBytes(0x4142_4344_3132_3334), 0)
    for byte in UInt64(0)...255 {
      let marked = TradeFileReader.specialBytes(0x4141_4141_4141_4141 & ~(0xFF << 24) | byte << 24)
      let special = byte < 33 || byte > 126 || byte == 0x2C || byte == 0x22
      XCTAssertEqual(marked == 0x80 << 24, special, "byte \(byte)")
      XCTAssertEqual(marked & ~(0x80 << 24), 0, "byte \(byte)")
    }
  }

  func testPlainLinesReadNamesOfEveryLengthAsTheCarefulPathDoes() {
    let names = ["a", "abcdefg", "abcdefgh", "abcdefghi", "AbCdEfGhIjKlMnOp", "abcdefghijklmnopq"]
    var lines = ["date,account,action,symbol,quantity,price,fees"]
    for (index, name) in names.enumerated() {
      lines.append("2025-01-0\(index + 1),\(name),buy,\(name),1,2.5,0")
      lines.append("2025-01-0\(index + 1),\(name.uppercased()),sell,\(name.uppercased()),1,3,0")
    }
    // The last line has no line break, so its names end at the end of the file.
    let bytes = Array(lines.joined(separator: "\n").utf8)
    XCTAssertEqual(summary(bytes, careful: false), summary(bytes, careful: true))
    let book = try? TradeFileReader.read(bytes: bytes, file: "t.csv")
    XCTAssertEqual(book?.symbols.count, names.count)
    XCTAssertEqual(book?.accounts.count, names.count * 2)
  }

  func testPlainNumbersReadAsTheGeneralParserReadsThem() {
    var random = SplitMix64(seed: 7)
    let alphabet = Array("0123456789.".utf8)
    let rules = [
      TradeFileReader.quantityRules, TradeFileReader.priceRules,
      .init(
        decimals: 2, allowsDollarSign: true, limit: 1_000),
    ]
    var plain = 0
    for _ in 0..<20_000 {
      let bytes = (0..<(1 + random.below(22))).map { _ in alphabet[random.below(alphabet.count)] }
      for rule in rules {
        bytes.withUnsafeBufferPointer { buffer in
          guard let fast = DecimalText.parsePlain(buffer, from: 0, to: buffer.count, rule) else {
            return
          }
          plain += 1
          XCTAssertEqual(
            fast, try? DecimalText.parse(buffer, from: 0, to: buffer.count, rule),
            String(decoding: bytes, as: UTF8.self))
        }
      }
    }
    XCTAssertGreaterThan(plain, 1_000)
  }
}
