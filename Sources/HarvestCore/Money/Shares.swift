/// A number of shares (or units of a digital asset) held exactly at eight decimal places.
public struct Shares: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Decimal places kept.
  public static let decimals = 8
  /// Units per whole share.
  public static let scale: Int64 = 100_000_000

  /// The quantity in hundred-millionths of a share.
  public var units: Int64

  /// Creates a quantity from hundred-millionths of a share.
  public init(units: Int64) {
    self.units = units
  }

  /// Creates a whole number of shares.
  public init(whole: Int64) {
    self.units = whole * Shares.scale
  }

  /// No shares.
  public static let zero = Shares(units: 0)

  public static func + (lhs: Shares, rhs: Shares) -> Shares { Shares(units: lhs.units + rhs.units) }
  public static func - (lhs: Shares, rhs: Shares) -> Shares { Shares(units: lhs.units - rhs.units) }
  public static func += (lhs: inout Shares, rhs: Shares) { lhs.units += rhs.units }
  public static func -= (lhs: inout Shares, rhs: Shares) { lhs.units -= rhs.units }
  public static func < (lhs: Shares, rhs: Shares) -> Bool { lhs.units < rhs.units }

  /// The smaller of two quantities.
  public static func min(_ a: Shares, _ b: Shares) -> Shares { a < b ? a : b }

  /// The quantity with no trailing zeros: `100`, `0.5`, `12.34567891`.
  public var description: String {
    FixedPoint.plainText(units, decimals: Shares.decimals)
  }
}

extension FixedPoint {
  /// Renders a scaled integer as a decimal with trailing zeros removed.
  static func plainText(_ value: Int64, decimals: Int) -> String {
    let scale = UInt64(pow10(decimals))
    let absolute = value.magnitude
    var text = (value < 0 ? "-" : "") + String(absolute / scale)
    var fraction = absolute % scale
    if fraction == 0 { return text }
    var digits = decimals
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    let fractionText = String(fraction)
    text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    return text
  }
}
