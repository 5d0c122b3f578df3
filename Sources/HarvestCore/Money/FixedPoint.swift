/// Integer helpers shared by the fixed-point quantity, price and money types.
public enum FixedPoint {
  /// Divides and rounds half away from zero; `divisor` must be positive.
  public static func divideRounded(_ dividend: Int128, _ divisor: Int128) -> Int128 {
    // Most figures fit in 64 bits, where division is several times cheaper.
    if let small = Int64(exactly: dividend), let smallDivisor = Int64(exactly: divisor) {
      return Int128(divideRounded(small, smallDivisor))
    }
    let quotient = dividend / divisor
    let remainder = dividend % divisor
    let twice = (remainder < 0 ? -remainder : remainder) * 2
    if twice >= divisor {
      return dividend < 0 ? quotient - 1 : quotient + 1
    }
    return quotient
  }

  /// Divides and rounds half away from zero in 64 bits; `divisor` must be positive.
  static func divideRounded(_ dividend: Int64, _ divisor: Int64) -> Int64 {
    let quotient = dividend / divisor
    let remainder = dividend.remainderReportingOverflow(dividingBy: divisor).partialValue
    // Twice the remainder reaches the divisor, compared without doubling (which could
    // overflow).
    let magnitude = remainder.magnitude
    if magnitude >= divisor.magnitude - magnitude {
      return dividend < 0 ? quotient - 1 : quotient + 1
    }
    return quotient
  }

  /// Powers of ten as 64-bit integers, for scales up to 10^18.
  public static func pow10(_ exponent: Int) -> Int64 {
    // Every number read asks for one or two of these.
    switch exponent {
    case 0: return 1
    case 1: return 10
    case 2: return 100
    case 3: return 1_000
    case 4: return 10_000
    case 5: return 100_000
    case 6: return 1_000_000
    case 7: return 10_000_000
    case 8: return 100_000_000
    default: break
    }
    var value: Int64 = 1
    for _ in 0..<exponent { value *= 10 }
    return value
  }
}
