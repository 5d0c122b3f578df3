/// A marginal tax rate in basis points (hundredths of a percent), so that 24% is 2,400 and
/// 23.8% is 2,380; tax on an amount is rounded half away from zero to the cent once.
public struct TaxRate: Sendable, Equatable, CustomStringConvertible {
  /// The rate in basis points, 0 to 10,000.
  public var basisPoints: Int64

  /// Creates a rate of `basisPoints` hundredths of a percent.
  public init(basisPoints: Int64) {
    self.basisPoints = basisPoints
  }

  /// Reads a percentage such as `24` or `23.8` (at most two decimals, 0 to 100).
  ///
  /// - Parameter text: the percentage as the user typed it, with or without a `%` sign.
  /// - Returns: the rate, or nil when the text is not such a percentage.
  public init?(percent text: String) {
    let trimmed = text.hasSuffix("%") ? String(text.dropLast()) : text
    let rules = DecimalText.Rules(decimals: 2, allowsDollarSign: false, limit: 10_000)
    guard let points = try? DecimalText.parse(trimmed, rules), points >= 0, points <= 10_000
    else { return nil }
    basisPoints = points
  }

  /// The tax on `amount` at this rate, rounded half away from zero to the cent.
  public func tax(on amount: Money) -> Money {
    amount.share(basisPoints, of: 10_000)
  }

  /// `24%`, `23.8%`.
  public var description: String {
    let whole = basisPoints / 100, fraction = basisPoints % 100
    if fraction == 0 { return "\(whole)%" }
    let digits =
      fraction % 10 == 0
      ? "\(fraction / 10)" : (fraction < 10 ? "0" : "") + "\(fraction)"
    return "\(whole).\(digits)%"
  }
}
