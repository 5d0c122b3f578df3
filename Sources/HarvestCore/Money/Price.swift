/// A price per share held exactly at six decimal places.
public struct Price: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Decimal places kept.
  public static let decimals = 6
  /// Units per dollar.
  public static let scale: Int64 = 1_000_000

  /// The price in millionths of a dollar.
  public var micros: Int64

  /// Creates a price from millionths of a dollar.
  public init(micros: Int64) {
    self.micros = micros
  }

  public static func < (lhs: Price, rhs: Price) -> Bool { lhs.micros < rhs.micros }

  /// The price with no trailing zeros beyond cents: `12.5` prints as `12.50`.
  public var description: String {
    let text = FixedPoint.plainText(micros, decimals: Price.decimals)
    guard let dot = text.firstIndex(of: ".") else { return text + ".00" }
    let places = text.distance(from: dot, to: text.endIndex) - 1
    return places == 1 ? text + "0" : text
  }

  /// `shares × price + adjustment`, rounded half up to cents once.
  ///
  /// A buy's cost is `extended(shares, plus: fees)`; a sale's net proceeds are
  /// `extended(shares, plus: -fees)`. Fees are whole cents, so the only fraction to round
  /// is that of `shares × price`, which is never negative: the result does not depend on
  /// whether the fees push the total below zero.
  public func extended(_ shares: Shares, plus adjustment: Money) -> Money {
    // The usual product fits in 64 bits, where dividing by the constant scale is a multiply.
    if shares.units >= 0 && micros >= 0 {
      let (exact, overflow) = UInt64(shares.units).multipliedReportingOverflow(
        by: UInt64(micros))
      if !overflow {
        let centsScale = UInt64(Shares.scale) * UInt64(Price.scale) / 100
        let (quotient, remainder) = exact.quotientAndRemainder(dividingBy: centsScale)
        let rounded = quotient + (remainder >= centsScale / 2 ? 1 : 0)
        return Money(cents: Int64(rounded)) + adjustment
      }
    }
    let centsScale = Int128(Shares.scale) * Int128(Price.scale) / 100
    let exact = Int128(shares.units) * Int128(micros)
    return Money(cents: Int64(FixedPoint.divideRounded(exact, centsScale))) + adjustment
  }
}
