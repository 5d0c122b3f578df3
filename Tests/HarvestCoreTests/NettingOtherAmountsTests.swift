import HarvestCore
import XCTest

/// Reading `--other FILE` (`item,amount`).
final class NettingOtherAmountsTests: XCTestCase {
  private func read(_ text: String) throws -> OtherAmounts {
    try OtherAmounts.read(bytes: Array(text.utf8), file: "other.csv")
  }

  func testReadsAndAddsRepeatedAmounts() throws {
    let other = try read(
      """
      item,amount,note
      capital_gain_distributions,120.50,fund A
      capital_gain_distributions,"1,000.00",fund B
      short_term_k1,(250.00),partnership
      long_term_other_forms,-75
      qualified_dividends,310.00
      form_4952,no
      QOF_DISPOSED,Yes
      """)
    XCTAssertEqual(other[.capitalGainDistributions], Money(cents: 112_050))
    XCTAssertEqual(other[.shortTermK1], usd(-250))
    XCTAssertEqual(other[.longTermOtherForms], usd(-75))
    XCTAssertEqual(other[.qualifiedDividends], usd(310))
    XCTAssertEqual(other.answer(.qualifiedDividends), true)
    XCTAssertEqual(other.answer(.form4952), false)
    XCTAssertEqual(other.answer(.qofDisposed), true)
    XCTAssertNil(other[.rate28Gain])
  }

  func testQualifiedDividendsAsAnswer() throws {
    XCTAssertEqual(
      try read("item,amount\nqualified_dividends,no\n")
        .answer(.qualifiedDividends), false)
    XCTAssertEqual(
      try read("item,amount\nqualified_dividends,0.00\n")
        .answer(.qualifiedDividends), false)
  }

  func testBadRowsNameTheLine() {
    let messages = inputErrors {
      _ = try read(
        """
        item,amount
        line_13,5
        rate_28_gain,-10
        form_4952,maybe
        qof_disposed,no
        qof_disposed,yes
        short_term_k1,12.345
        """)
    }
    XCTAssertEqual(messages.count, 5)
    XCTAssertTrue(messages[0].hasPrefix("other.csv:2: column 'item': found \"line_13\""))
    XCTAssertTrue(messages[0].contains("capital_gain_distributions"))
    XCTAssertTrue(messages[1].hasPrefix("other.csv:3: column 'amount': found \"-10\""))
    XCTAssertTrue(messages[2].hasPrefix("other.csv:4:"))
    XCTAssertTrue(messages[3].hasPrefix("other.csv:6:"))
    XCTAssertTrue(messages[3].contains("only once"))
    XCTAssertTrue(messages[4].contains("at most 2 decimals"))
  }

  func testMissingHeader() {
    let messages = inputErrors { _ = try read("capital_gain_distributions,5\n") }
    XCTAssertEqual(messages.count, 1)
    XCTAssertTrue(messages[0].contains("item, amount"))
  }
}
