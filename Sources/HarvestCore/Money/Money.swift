/// An amount of U.S. dollars held exactly as a whole number of cents.
///
/// Every figure on Form 8949, Schedule D and the carryover worksheet is a `Money`. Arithmetic
/// traps on overflow rather than wrapping; inputs are bounded when they are parsed so that a
/// year of trades can never reach the limit.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The amount in cents; negative for a loss or a negative adjustment.
  public var cents: Int64

  /// Creates an amount from a count of cents.
  public init(cents: Int64) {
    self.cents = cents
  }

  /// Creates an amount of whole dollars.
  public init(dollars: Int64) {
    self.cents = dollars * 100
  }

  /// Zero dollars.
  public static let zero = Money(cents: 0)

  public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
  public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
  public static prefix func - (value: Money) -> Money { Money(cents: -value.cents) }
  public static func += (lhs: inout Money, rhs: Money) { lhs.cents += rhs.cents }
  public static func -= (lhs: inout Money, rhs: Money) { lhs.cents -= rhs.cents }
  public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

  /// The size of the amount, whatever its sign.
  public var magnitude: Money { Money(cents: cents < 0 ? -cents : cents) }

  /// True when the amount is below zero.
  public var isNegative: Bool { cents < 0 }

  /// The smaller of two amounts.
  public static func min(_ a: Money, _ b: Money) -> Money { a < b ? a : b }

  /// The larger of two amounts.
  public static func max(_ a: Money, _ b: Money) -> Money { a < b ? b : a }

  /// The plain signed decimal used in every CSV file: `-250.00`, `1234.56`, `0.00`.
  public var description: String {
    let negative = cents < 0
    let absolute = cents.magnitude
    let whole = absolute / 100
    let fraction = absolute % 100
    let fractionText = fraction < 10 ? "0\(fraction)" : "\(fraction)"
    return (negative ? "-" : "") + "\(whole).\(fractionText)"
  }

  /// The amount with thousands separators and negatives in parentheses, as printed on the
  /// forms: `1,234.56`, `(250.00)`.
  ///
  /// - Parameter wholeDollars: print whole dollars only (the amount must already be rounded).
  public func formatted(wholeDollars: Bool = false) -> String {
    let absolute = cents.magnitude
    let whole = String(absolute / 100)
    var grouped = ""
    for (index, character) in whole.enumerated() {
      if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(",") }
      grouped.append(character)
    }
    let fraction = absolute % 100
    let body = wholeDollars ? grouped : grouped + "." + (fraction < 10 ? "0" : "") + "\(fraction)"
    return cents < 0 ? "(\(body))" : body
  }

  /// Rounds to whole dollars, half away from zero ($1.49 → $1, $1.50 → $2, −$1.50 → −$2),
  /// as the Form 8949 and Schedule D instructions describe for whole-dollar returns.
  public var roundedToDollars: Money {
    let sign: Int64 = cents < 0 ? -1 : 1
    let absolute = cents.magnitude
    let dollars = (absolute + 50) / 100
    return Money(cents: sign * Int64(dollars) * 100)
  }

  /// Splits this amount in proportion: `self × part ÷ whole`, rounded half away from zero.
  ///
  /// This is the one place where a cost, proceeds or loss is divided between rows. Taking
  /// the parts in order, each from what is still unsplit, makes the last part exactly the
  /// rest, so the rows always add back to the whole.
  public func share(_ part: Int64, of whole: Int64) -> Money {
    precondition(whole > 0 && part >= 0 && part <= whole, "invalid proportion")
    if part == whole { return self }
    let (small, overflow) = cents.multipliedReportingOverflow(by: part)
    if !overflow { return Money(cents: FixedPoint.divideRounded(small, whole)) }
    let product = Int128(cents) * Int128(part)
    return Money(cents: Int64(FixedPoint.divideRounded(product, Int128(whole))))
  }
}
