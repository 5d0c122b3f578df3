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

  func testDivisionRoundsHalfAwayFromZeroInAndBeyondSixtyFourBits() {
    let cases: [(dividend: Int128, divisor: Int128, quotient: Int128)] = [
      (5, 2, 3), (-5, 2, -3), (7, 2, 4), (-7, 2, -4), (4, 3, 1), (-4, 3, -1), (0, 7, 0),
      // 2^62 over 2^63 − 1 is a hair above one half; one less is below it.
      (1 << 62, Int128(Int64.max), 1), ((1 << 62) - 1, Int128(Int64.max), 0),
      (Int128(Int64.max), 2, 1 << 62), (Int128(Int64.min), 3, -3_074_457_345_618_258_603),
      (Int128(Int64.min), Int128(Int64.max), -1),
      // Just past 64 bits, on the wide path.
      (Int128(Int64.max) + 1, 2, 1 << 62), (Int128(Int64.max) * 3, 2, 13_835_058_055_282_163_711),
      (Int128(Int64.min) - 1, 2, -(1 << 62) - 1),
    ]
    for (dividend, divisor, quotient) in cases {
      XCTAssertEqual(
        FixedPoint.divideRounded(dividend, divisor), quotient, "\(dividend) / \(divisor)")
    }
  }

  func testExtendedAmountRoundsHalfUpOnce() {
    // 3 shares × $0.125 = $0.375 → $0.38; plus a $1.00 fee → $1.38; minus it → −$0.62.
    let price = Price(micros: 125_000)
    XCTAssertEqual(price.extended(Shares(whole: 3), plus: Money(dollars: 1)), Money(cents: 138))
    XCTAssertEqual(price.extended(Shares(whole: 3), plus: Money(dollars: -1)), Money(cents: -62))
  }

  /// Products that fit in 64 bits and products that do not round the same way: half a cent
  /// up, just under half down, at both sizes.
  func testExtendedAmountRoundsTheSameForSmallAndLargeProducts() {
    let centsScale = Int128(Shares.scale) * Int128(Price.scale) / 100
    let cases: [(units: Int64, micros: Int64)] = [
      (0, 0), (1, 1), (5, 100_000_000_000), (1, 499_999_999_999), (1, 500_000_000_000),
      (3, 125_000), (123_456_789, 987_654), (10_000_000_000 * Shares.scale, 1),
      (1_844_674_407, 10_000_000_000), (1_844_674_408, 10_000_000_000),
      (1_000_000_000_000_000_000, 10), (999_999_999_999_999_999, 1_000_000_000_000),
      (500_000_000_000, 50_000_001), (18_446_744, 1_000_000_000_000),
    ]
    for (units, micros) in cases {
      let exact = Int128(units) * Int128(micros)
      let expected = Int64((exact * 2 + centsScale) / (centsScale * 2)) + 7
      XCTAssertEqual(
        Price(micros: micros).extended(Shares(units: units), plus: Money(cents: 7)),
        Money(cents: expected), "\(units) × \(micros)")
    }
  }
}
