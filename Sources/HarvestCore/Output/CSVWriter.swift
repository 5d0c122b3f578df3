/// Builds CSV text for Harvest's output files.
///
/// A field is quoted only when it holds a comma, a quote or a line break. Text that came from
/// the user and would start a spreadsheet formula (`=`, `+`, `-`, `@`, tab, carriage return)
/// is prefixed with an apostrophe unless it is a plain number, so opening a report in a
/// spreadsheet never runs anything. Numbers and dates are written straight into the byte
/// buffer, room for a whole field checked once, so a million rows cost no intermediate
/// strings. A writer cannot be copied: it owns its buffer alone, so writing never has to ask
/// whether the buffer is shared.
public struct CSVWriter: ~Copyable, Sendable {
  private var buffer: CSVBuffer
  private var rowStarted = false

  /// Starts a file with its header row, reserving room for `expectedRows` rows.
  public init(header: [String], expectedRows: Int = 0) {
    buffer = CSVBuffer(capacity: 64 + expectedRows * 96)
    row(header)
  }

  /// Starts an empty buffer with room for about `capacity` bytes: for a piece of a file
  /// whose header another piece holds.
  public init(capacity: Int) {
    buffer = CSVBuffer(capacity: capacity)
  }

  /// The CSV text built so far, as UTF-8 bytes.
  public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

  /// How many bytes have been built.
  public var count: Int { buffer.count }

  /// Calls `body` with the bytes built so far, without copying them.
  public func withUnsafeBytes<R, E: Error>(
    _ body: (UnsafeRawBufferPointer) throws(E) -> R
  ) throws(E) -> R {
    try body(UnsafeRawBufferPointer(start: buffer.base, count: buffer.count))
  }

  /// Forgets the bytes built so far, keeping the memory for the next ones.
  public mutating func removeAll() {
    buffer.count = 0
    rowStarted = false
  }

  /// Appends one row of fields that Harvest generated itself (numbers, dates, codes).
  public mutating func row(_ fields: [String]) {
    for field in fields { text(field, fromUser: false) }
    endRow()
  }

  /// Appends one row whose fields may hold user text; see `neutralized(_:)`.
  public mutating func userRow(_ fields: [String]) {
    for field in fields { text(field, fromUser: true) }
    endRow()
  }

  /// Appends a text field; user text is neutralized against formulas.
  public mutating func text(_ field: String, fromUser: Bool = true) {
    var field = field
    field.withUTF8 { text(utf8: $0, fromUser: fromUser) }
  }

  /// Appends an amount as a plain signed decimal: `-250.00`.
  public mutating func money(_ amount: Money) {
    var end = startField(reserving: 24)
    if amount.cents < 0 {
      end.pointee = UInt8(ascii: "-")
      end += 1
    }
    let absolute = amount.cents.magnitude
    end = CSVWriter.put(absolute / 100, at: end)
    end.pointee = UInt8(ascii: ".")
    end = CSVWriter.put(absolute % 100, width: 2, at: end + 1)
    commit(end)
  }

  /// Appends an amount, or nothing when nil.
  public mutating func money(_ amount: Money?) {
    guard let amount else {
      beginField()
      return
    }
    money(amount)
  }

  /// Appends a date as `YYYY-MM-DD`.
  public mutating func date(_ value: CivilDate) {
    let start = startField(reserving: 10)
    commit(CSVWriter.putISO(value, at: start))
  }

  /// Appends a holding start: a date, or `INHERITED`.
  public mutating func holding(_ value: HoldingStart) {
    switch value {
    case .date(let day): date(day)
    case .inherited: text("INHERITED", fromUser: false)
    }
  }

  /// Appends a quantity with no trailing zeros: `100`, `0.5`.
  public mutating func shares(_ value: Shares) {
    let start = startField(reserving: 32)
    commit(CSVWriter.put(value, at: start))
  }

  /// Ends the current row.
  public mutating func endRow() {
    let end = room(1)
    end.pointee = 10
    commit(end + 1)
    rowStarted = false
  }

  /// The field made safe to open in a spreadsheet.
  public static func neutralized(_ field: String) -> String {
    guard let first = field.utf8.first else { return field }
    switch first {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13:
      return isPlainNumber(field) ? field : "'" + field
    default:
      return field
    }
  }

  private static func isPlainNumber(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { isPlainNumber(utf8: $0) }
  }

  private static func isPlainNumber(utf8 text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard text.first == UInt8(ascii: "-") || text.first == UInt8(ascii: "+") else {
      return false
    }
    let bytes = text.dropFirst()
    guard !bytes.isEmpty else { return false }
    var sawPoint = false
    for byte in bytes {
      if byte == UInt8(ascii: ".") && !sawPoint {
        sawPoint = true
      } else if byte < UInt8(ascii: "0") || byte > UInt8(ascii: "9") {
        return false
      }
    }
    return bytes.last != UInt8(ascii: ".")
  }

  /// Whether a user's text must get an apostrophe: it would start a formula and is not a
  /// plain number.
  static func startsFormula(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
    switch field.first {
    case UInt8(ascii: "=")?, UInt8(ascii: "+")?, UInt8(ascii: "-")?, UInt8(ascii: "@")?, 9?, 13?:
      return !isPlainNumber(utf8: field)
    default:
      return false
    }
  }

  /// Appends a text field given as UTF-8 bytes, neutralized when `fromUser`.
  private mutating func text(utf8 field: UnsafeBufferPointer<UInt8>, fromUser: Bool) {
    let apostrophe = fromUser && CSVWriter.startsFormula(field)
    let needsQuotes = field.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
    }
    guard needsQuotes else {
      var end = startField(reserving: field.count + 1)
      if apostrophe {
        end.pointee = UInt8(ascii: "'")
        end += 1
      }
      commit(CSVWriter.put(field, at: end))
      return
    }
    var end = startField(reserving: 2 * field.count + 3)
    end.pointee = UInt8(ascii: "\"")
    end += 1
    if apostrophe {
      end.pointee = UInt8(ascii: "'")
      end += 1
    }
    end = CSVWriter.putEscaped(field, at: end)
    end.pointee = UInt8(ascii: "\"")
    commit(end + 1)
  }

  /// Appends a row's column (a): the user's description, or `100 sh XYZ` built in place.
  mutating func description(of row: Form8949Row) {
    if let custom = row.customDescription {
      text(custom)
    } else {
      generatedDescription(row.shares, symbol: row.symbol, units: row.isDigitalAsset)
    }
  }

  /// Appends `100 sh XYZ` (or `0.5 BTC` when `units`) as one field.
  mutating func generatedDescription(_ shares: Shares, symbol: String, units: Bool) {
    var symbol = symbol
    symbol.withUTF8 { symbol in
      let plain = !symbol.contains {
        $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
      }
      var end = startField(reserving: 2 * symbol.count + 38)
      if !plain {
        end.pointee = UInt8(ascii: "\"")
        end += 1
      }
      end = CSVWriter.put(shares, at: end)
      end = CSVWriter.put(units ? " " : " sh ", at: end)
      end = CSVWriter.putEscaped(symbol, at: end)
      if !plain {
        end.pointee = UInt8(ascii: "\"")
        end += 1
      }
      commit(end)
    }
  }

  // MARK: Pieces of one field, for callers that write a field's bytes themselves

  /// Starts a field whose bytes the caller appends with the `append` methods below, already
  /// quoted and neutralized; for callers that know the field's shape in advance.
  mutating func beginField() {
    let end = startField(reserving: 0)
    commit(end)
  }

  /// Appends text known at compile time to the current field, as it is.
  mutating func append(_ literal: StaticString) {
    let count = literal.utf8CodeUnitCount
    let end = room(count)
    end.update(from: literal.utf8Start, count: count)
    commit(end + count)
  }

  /// Appends one byte to the current field.
  mutating func append(byte: UInt8) {
    let end = room(1)
    end.pointee = byte
    commit(end + 1)
  }

  /// Appends text to a quoted field, doubling its quotes.
  mutating func append(escaping text: String) {
    var text = text
    text.withUTF8 { utf8 in
      let start = room(2 * utf8.count)
      commit(CSVWriter.putEscaped(utf8, at: start))
    }
  }

  /// Appends a date as `MM/DD/YYYY`, like `CivilDate.usFormat`: the ten bytes of
  /// `YYYY-MM-DD` rearranged.
  mutating func appendUSDate(_ date: CivilDate) {
    let start = room(10)
    _ = CSVWriter.putISO(date, at: start)
    let year = (start[0], start[1], start[2], start[3])
    start[0] = start[5]
    start[1] = start[6]
    start[2] = UInt8(ascii: "/")
    start[3] = start[8]
    start[4] = start[9]
    start[5] = UInt8(ascii: "/")
    (start[6], start[7], start[8], start[9]) = year
    commit(start + 10)
  }

  /// Appends an amount like `Money.formatted()`: `1,234.56`, negatives in parentheses.
  mutating func appendGrouped(_ amount: Money) {
    var end = room(32)
    if amount.cents < 0 {
      end.pointee = UInt8(ascii: "(")
      end += 1
    }
    let absolute = amount.cents.magnitude
    var whole = absolute / 100
    var group: UInt64 = 1
    while group <= whole / 1000 { group *= 1000 }
    end = CSVWriter.put(whole / group, at: end)
    whole %= group
    while group > 1 {
      group /= 1000
      end.pointee = UInt8(ascii: ",")
      end = CSVWriter.put(whole / group, width: 3, at: end + 1)
      whole %= group
    }
    end.pointee = UInt8(ascii: ".")
    end = CSVWriter.put(absolute % 100, width: 2, at: end + 1)
    if amount.cents < 0 {
      end.pointee = UInt8(ascii: ")")
      end += 1
    }
    commit(end)
  }

  // MARK: Room and digits

  /// Room for `extra` more bytes; returns where they go.
  @inline(__always)
  private mutating func room(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
    return buffer.end(reserving: extra)
  }

  /// Marks every byte up to `end` (a pointer from `room`) as written.
  @inline(__always)
  private mutating func commit(_ end: UnsafeMutablePointer<UInt8>) {
    buffer.commit(end)
  }

  /// Room for a field of up to `extra` bytes, after its separator; returns where it goes.
  @inline(__always)
  private mutating func startField(reserving extra: Int) -> UnsafeMutablePointer<UInt8> {
    var end = room(extra + 1)
    if rowStarted {
      end.pointee = UInt8(ascii: ",")
      end += 1
    }
    rowStarted = true
    return end
  }

  /// Writes `value` in decimal at `start`; returns the end.
  @inline(__always)
  private static func put(
    _ value: UInt64, at start: UnsafeMutablePointer<UInt8>
  ) -> UnsafeMutablePointer<UInt8> {
    var width = 1
    var probe = value
    while probe >= 10 {
      probe /= 10
      width += 1
    }
    return put(value, width: width, at: start)
  }

  /// Writes the last `width` decimal digits of `value`, zero-padded, at `start`; returns
  /// the end.
  @inline(__always)
  private static func put(
    _ value: UInt64, width: Int, at start: UnsafeMutablePointer<UInt8>
  ) -> UnsafeMutablePointer<UInt8> {
    var rest = value
    var digit = start + width
    while digit > start {
      digit -= 1
      digit.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
      rest /= 10
    }
    return start + width
  }

  /// The first day whose text `isoDays` holds: 1990-01-01.
  private static let firstTabulatedDay = CivilDate(year: 1990, month: 1, day: 1)!.dayNumber
  /// `YYYY-MM-DD` of every day from 1990 through 2089, ten bytes each, so that writing one
  /// of a million dates is a copy rather than a calendar calculation.
  private static let isoDays: [UInt8] = {
    let days = Int(CivilDate(year: 2090, month: 1, day: 1)!.dayNumber - firstTabulatedDay)
    return [UInt8](unsafeUninitializedCapacity: days * 10) { buffer, initialized in
      for day in 0..<days {
        _ = computeISO(
          CivilDate(dayNumber: firstTabulatedDay + Int32(day)), at: buffer.baseAddress! + day * 10)
      }
      initialized = days * 10
    }
  }()

  /// Writes `YYYY-MM-DD` at `start`; returns the end.
  @inline(__always)
  private static func putISO(
    _ date: CivilDate, at start: UnsafeMutablePointer<UInt8>
  ) -> UnsafeMutablePointer<UInt8> {
    let day = Int(date.dayNumber) - Int(firstTabulatedDay)
    guard day >= 0 && day < isoDays.count / 10 else { return computeISO(date, at: start) }
    isoDays.withUnsafeBufferPointer { table in
      start.update(from: table.baseAddress! + day * 10, count: 10)
    }
    return start + 10
  }

  /// Works out `YYYY-MM-DD` of any date at `start`; returns the end.
  private static func computeISO(
    _ date: CivilDate, at start: UnsafeMutablePointer<UInt8>
  ) -> UnsafeMutablePointer<UInt8> {
    let parts = date.components
    var next = put(UInt64(parts.year), width: 4, at: start)
    next.pointee = UInt8(ascii: "-")
    next = put(UInt64(parts.month), width: 2, at: next + 1)
    next.pointee = UInt8(ascii: "-")
    return put(UInt64(parts.day), width: 2, at: next + 1)
  }

  /// Writes a quantity with no trailing zeros at `start`; returns the end (at most 30 bytes).
  private static func put(
    _ value: Shares, at start: UnsafeMutablePointer<UInt8>
  ) -> UnsafeMutablePointer<UInt8> {
    var end = start
    if value.units < 0 {
      end.pointee = UInt8(ascii: "-")
      end += 1
    }
    let absolute = value.units.magnitude
    let scale = UInt64(Shares.scale)
    end = put(absolute / scale, at: end)
    var fraction = absolute % scale
    guard fraction > 0 else { return end }
    var places = Shares.decimals
    while fraction % 10 == 0 {
      fraction /= 10
      places -= 1
    }
    end.pointee = UInt8(ascii: ".")
    return put(fraction, width: places, at: end + 1)
  }

  private static func put(
    _ literal: StaticString, at start: UnsafeMutablePointer<UInt8>
  ) -> UnsafeMutablePointer<UInt8> {
    start.update(from: literal.utf8Start, count: literal.utf8CodeUnitCount)
    return start + literal.utf8CodeUnitCount
  }

  private static func put(
    _ bytes: UnsafeBufferPointer<UInt8>, at start: UnsafeMutablePointer<UInt8>
  ) -> UnsafeMutablePointer<UInt8> {
    guard let source = bytes.baseAddress else { return start }
    start.update(from: source, count: bytes.count)
    return start + bytes.count
  }

  /// Writes `bytes` with every quote doubled; returns the end (at most twice the length).
  private static func putEscaped(
    _ bytes: UnsafeBufferPointer<UInt8>, at start: UnsafeMutablePointer<UInt8>
  ) -> UnsafeMutablePointer<UInt8> {
    var end = start
    for byte in bytes {
      if byte == UInt8(ascii: "\"") {
        end.pointee = byte
        end += 1
      }
      end.pointee = byte
      end += 1
    }
    return end
  }

  /// The CSV text as a string.
  public var text: String { withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }
}
