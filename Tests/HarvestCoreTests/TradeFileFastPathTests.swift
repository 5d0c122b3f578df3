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
}
