import HarvestCore
import XCTest

final class MoneyTests: XCTestCase {
  func testPlainAndFormFormatting() {
    XCTAssertEqual(Money(cents: -25_000).description, "-250.00")
    XCTAssertEqual(Money(cents: 5).description, "0.05")
    XCTAssertEqual(Money(cents: -5).description, "-0.05")
    XCTAssertEqual(Money(cents: 123_456_789).formatted(), "1,234,567.89")
    XCTAssertEqual(Money(cents: -25_000).formatted(), "(250.00)")
    XCTAssertEqual(Money(cents: 100_000).formatted(wholeDollars: true), "1,000")
  }

  func testWholeDollarRoundingFollowsTheInstructions() {
    // Form 8949 instructions: $1.49 → $1, $1.50 → $2; Schedule D: $1.39 → $1, $2.50 → $3.
    XCTAssertEqual(Money(cents: 149).roundedToDollars, Money(dollars: 1))
    XCTAssertEqual(Money(cents: 150).roundedToDollars, Money(dollars: 2))
    XCTAssertEqual(Money(cents: 139).roundedToDollars, Money(dollars: 1))
    XCTAssertEqual(Money(cents: 250).roundedToDollars, Money(dollars: 3))
    XCTAssertEqual(Money(cents: -150).roundedToDollars, Money(dollars: -2))
  }

  func testSharesOfAnAmountAddBackToTheWhole() {
    // $10.00 split over 3 shares taken one at a time: 3.33, then 6.67 × 1/2 = 3.335 → 3.34,
    // then the rest, 3.33.
    var rest = Money(dollars: 10)
    var shares: Int64 = 3
    var parts: [Money] = []
    while shares > 0 {
      let part = rest.share(1, of: shares)
      parts.append(part)
      rest -= part
      shares -= 1
    }
    XCTAssertEqual(parts, [Money(cents: 333), Money(cents: 334), Money(cents: 333)])
  }

  func testExtendedAmountRoundsHalfUpOnce() {
    // 3 shares × $0.125 = $0.375 → $0.38; plus a $1.00 fee → $1.38; minus it → −$0.62.
    let price = Price(micros: 125_000)
    XCTAssertEqual(price.extended(Shares(whole: 3), plus: Money(dollars: 1)), Money(cents: 138))
    XCTAssertEqual(price.extended(Shares(whole: 3), plus: Money(dollars: -1)), Money(cents: -62))
  }
}
