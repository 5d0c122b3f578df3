/// A calendar date with no time of day and no time zone, as trade confirmations print it.
///
/// Stored as a count of days since 1970-01-01 so that windows of "30 days before or after"
/// are plain integer arithmetic; the proleptic Gregorian calendar is used throughout.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before it).
  public let dayNumber: Int32

  /// Creates a date from its day number.
  public init(dayNumber: Int32) {
    self.dayNumber = dayNumber
  }

  /// Creates a date from its parts, or returns nil for an impossible date such as 2025-02-30.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      day >= 1, day <= CivilDate.daysIn(month: month, year: year)
    else { return nil }
    self.dayNumber = CivilDate.dayNumber(year: year, month: month, day: day)
  }

  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

  /// The year, month and day.
  public var components: (year: Int, month: Int, day: Int) {
    // Howard Hinnant's civil-from-days algorithm.
    let z = Int(dayNumber) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthPrime = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
    let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  /// The year.
  public var year: Int { components.year }

  /// The date `days` later (or earlier, when negative).
  public func adding(days: Int) -> CivilDate {
    CivilDate(dayNumber: dayNumber + Int32(days))
  }

  /// Whole days from `other` to this date.
  public func days(since other: CivilDate) -> Int {
    Int(dayNumber) - Int(other.dayNumber)
  }

  /// True on the last day of its month (Jan 31, Feb 28 in a common year, Feb 29, Apr 30…).
  public var isLastDayOfMonth: Bool {
    let parts = components
    return parts.day == CivilDate.daysIn(month: parts.month, year: parts.year)
  }

  /// The first anniversary: the same day a year later, or for an acquisition on the last
  /// day of a month, the last day of that month a year later (Rev. Rul. 66-7's reading).
  public var firstAnniversary: CivilDate {
    let parts = components
    let nextYear = parts.year + 1
    let lastDay = CivilDate.daysIn(month: parts.month, year: nextYear)
    let day = isLastDayOfMonth ? lastDay : Swift.min(parts.day, lastDay)
    return CivilDate(
      dayNumber: CivilDate.dayNumber(year: nextYear, month: parts.month, day: day))
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    let parts = components
    return pad(parts.year, 4) + "-" + pad(parts.month, 2) + "-" + pad(parts.day, 2)
  }

  /// `MM/DD/YYYY`, as the forms print dates.
  public var usFormat: String {
    let parts = components
    return pad(parts.month, 2) + "/" + pad(parts.day, 2) + "/" + pad(parts.year, 4)
  }

  /// Parses exactly `YYYY-MM-DD`, or returns nil.
  public init?(iso text: String) {
    var bytes = Array(text.utf8)
    guard let date = CivilDate.parse(&bytes, 0, bytes.count) else { return nil }
    self = date
  }

  /// Parses exactly `YYYY-MM-DD` from a byte range, or returns nil.
  public static func parse(_ bytes: inout [UInt8], _ start: Int, _ end: Int) -> CivilDate? {
    bytes.withUnsafeBufferPointer { parse($0, start, end) }
  }

  /// Parses exactly `YYYY-MM-DD` from bytes `start..<end` of a buffer, or returns nil.
  public static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
  ) -> CivilDate? {
    guard end - start == 10, bytes[start + 4] == UInt8(ascii: "-"),
      bytes[start + 7] == UInt8(ascii: "-")
    else { return nil }
    func number(_ from: Int, _ count: Int) -> Int? {
      var value = 0
      for index in from..<(from + count) {
        let byte = bytes[index]
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(start, 4), let month = number(start + 5, 2),
      let day = number(start + 8, 2)
    else { return nil }
    return CivilDate(year: year, month: month, day: day)
  }

  /// January 1 of `year`.
  public static func startOfYear(_ year: Int) -> CivilDate {
    CivilDate(dayNumber: dayNumber(year: year, month: 1, day: 1))
  }

  /// December 31 of `year`.
  public static func endOfYear(_ year: Int) -> CivilDate {
    CivilDate(dayNumber: dayNumber(year: year, month: 12, day: 31))
  }

  /// Days in a month of a year.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2:
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  private static func dayNumber(year: Int, month: Int, day: Int) -> Int32 {
    // Howard Hinnant's days-from-civil algorithm.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let monthPrime = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * monthPrime + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return Int32(era * 146_097 + dayOfEra - 719_468)
  }

  private func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }
}
