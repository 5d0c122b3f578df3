/// Strict reading of decimal numbers from text into scaled integers.
///
/// Accepts `1234.5`, `1,234.50` (well-formed thousands groups), an optional leading `$`
/// where allowed, and negatives written `-45.00` or `(45.00)`. Everything else is refused,
/// with a reason: nothing is ever read from a valid prefix of bad text.
public enum DecimalText {
  /// Why a piece of text is not a number of the expected form.
  public enum Failure: Error, Equatable, Sendable {
    case empty
    case notANumber
    case tooManyDecimals(allowed: Int)
    case tooLarge
    case badThousandsSeparator
  }

  /// What a field accepts besides plain digits.
  public struct Rules: Sendable {
    /// Decimal places allowed.
    public var decimals: Int
    /// Whether a leading `$` is allowed.
    public var allowsDollarSign: Bool
    /// Largest accepted magnitude, in scaled units.
    public var limit: Int64

    /// Creates a set of rules.
    public init(decimals: Int, allowsDollarSign: Bool, limit: Int64) {
      self.decimals = decimals
      self.allowsDollarSign = allowsDollarSign
      self.limit = limit
    }
  }

  /// Parses `text` and returns its value times 10^`rules.decimals`.
  ///
  /// - Throws: `Failure` naming what is wrong with the text.
  public static func parse(_ text: String, _ rules: Rules) throws(Failure) -> Int64 {
    var bytes = Array(text.utf8)
    return try parse(&bytes, rules)
  }

  /// Parses UTF-8 bytes; see `parse(_:_:)`.
  public static func parse(_ input: inout [UInt8], _ rules: Rules) throws(Failure) -> Int64 {
    let result = input.withUnsafeBufferPointer { buffer -> Result<Int64, Failure> in
      do throws(Failure) {
        return .success(try parse(buffer, from: 0, to: buffer.count, rules))
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  /// Parses the bytes `from..<to` of a buffer; see `parse(_:_:)`. The trades reader calls
  /// this on the file's bytes directly, so a number costs no string.
  public static func parse(
    _ input: UnsafeBufferPointer<UInt8>, from: Int, to: Int, _ rules: Rules
  ) throws(Failure) -> Int64 {
    var start = from
    var end = to
    while start < end && isSpace(input[start]) { start += 1 }
    while end > start && isSpace(input[end - 1]) { end -= 1 }
    if start == end { throw .empty }

    var negative = false
    if input[start] == UInt8(ascii: "(") {
      guard input[end - 1] == UInt8(ascii: ")"), end - start > 2 else { throw .notANumber }
      negative = true
      start += 1
      end -= 1
    } else if input[start] == UInt8(ascii: "-") {
      negative = true
      start += 1
    }
    if start < end && input[start] == UInt8(ascii: "$") {
      guard rules.allowsDollarSign else { throw .notANumber }
      start += 1
    }
    if !negative && start < end && input[start] == UInt8(ascii: "-") {
      negative = true
      start += 1
    }
    guard start < end else { throw .notANumber }

    var whole: Int64 = 0
    var fraction: Int64 = 0
    var fractionDigits = 0
    var sawDigit = false
    var inFraction = false
    var groupDigits = 0
    var sawSeparator = false
    let maxWhole = rules.limit / FixedPoint.pow10(rules.decimals)

    for index in start..<end {
      let byte = input[index]
      if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        let digit = Int64(byte - UInt8(ascii: "0"))
        sawDigit = true
        if inFraction {
          fractionDigits += 1
          guard fractionDigits <= rules.decimals else {
            // Trailing zeros are accepted; stop here so a long run of them costs one scan.
            if digit == 0 && allZeros(input, from: index, to: end) { break }
            throw .tooManyDecimals(allowed: rules.decimals)
          }
          fraction = fraction * 10 + digit
        } else {
          groupDigits += 1
          guard whole <= (maxWhole - digit) / 10 else { throw .tooLarge }
          whole = whole * 10 + digit
        }
      } else if byte == UInt8(ascii: ",") && !inFraction {
        guard sawDigit, groupDigits <= 3, !sawSeparator || groupDigits == 3 else {
          throw .badThousandsSeparator
        }
        sawSeparator = true
        groupDigits = 0
      } else if byte == UInt8(ascii: ".") && !inFraction {
        guard !sawSeparator || groupDigits == 3 else { throw .badThousandsSeparator }
        inFraction = true
      } else {
        throw .notANumber
      }
    }
    guard sawDigit else { throw .notANumber }
    if sawSeparator && !inFraction && groupDigits != 3 { throw .badThousandsSeparator }
    if inFraction && fractionDigits == 0 && !sawDigitBeforePoint(input, start, end) {
      throw .notANumber
    }

    let places = min(fractionDigits, rules.decimals)
    let scaledFraction = fraction * FixedPoint.pow10(rules.decimals - places)
    let value = whole * FixedPoint.pow10(rules.decimals) + scaledFraction
    guard value <= rules.limit else { throw .tooLarge }
    return negative ? -value : value
  }

  /// Reads bytes `from..<to` when they are plain digits with at most one point between
  /// digits (`12`, `197.44`) and the value fits `rules`; nil for anything else, which `parse`
  /// then reads (and explains). Both give the same value for text both accept.
  static func parsePlain(
    _ input: UnsafeBufferPointer<UInt8>, from: Int, to: Int, _ rules: Rules
  ) -> Int64? {
    // Every digit, before and after the point, goes into one value, scaled once at the end.
    var index = from
    var value: Int64 = 0
    while index < to {
      let digit = input[index] &- UInt8(ascii: "0")
      if digit > 9 { break }
      value = value &* 10 &+ Int64(digit)
      index += 1
    }
    let wholeDigits = index - from
    // Up to 18 digits in all, so the scaled value cannot overflow.
    guard wholeDigits > 0, wholeDigits + rules.decimals <= 18 else { return nil }
    var fractionDigits = 0
    if index < to {
      guard input[index] == UInt8(ascii: "."), to - index - 1 <= rules.decimals else {
        return nil
      }
      index += 1
      guard index < to else { return nil }
      fractionDigits = to - index
      while index < to {
        let digit = input[index] &- UInt8(ascii: "0")
        guard digit <= 9 else { return nil }
        value = value &* 10 &+ Int64(digit)
        index += 1
      }
    }
    value *= FixedPoint.pow10(rules.decimals - fractionDigits)
    guard value <= rules.limit else { return nil }
    return value
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
  }

  private static func allZeros(_ input: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
    for index in from..<to where input[index] != UInt8(ascii: "0") { return false }
    return true
  }

  private static func sawDigitBeforePoint(
    _ input: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
  ) -> Bool {
    for index in start..<end {
      let byte = input[index]
      if byte == UInt8(ascii: ".") { return false }
      if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return true }
    }
    return false
  }
}
