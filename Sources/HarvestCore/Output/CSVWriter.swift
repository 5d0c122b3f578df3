/// Builds CSV text for Harvest's output files.
///
/// A field is quoted only when it holds a comma, a quote or a line break. Text that came from
/// the user and would start a spreadsheet formula (`=`, `+`, `-`, `@`, tab, carriage return)
/// is prefixed with an apostrophe unless it is a plain number, so opening a report in a
/// spreadsheet never runs anything. Numbers and dates are written straight into the byte
/// buffer, so a million rows cost no intermediate strings.
public struct CSVWriter: Sendable {
  /// The CSV text built so far, as UTF-8 bytes.
  public private(set) var bytes: [UInt8] = []
  private var rowStarted = false

  /// Starts a file with its header row, reserving room for `expectedRows` rows.
  public init(header: [String], expectedRows: Int = 0) {
    bytes.reserveCapacity(64 + expectedRows * 96)
    row(header)
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
    separate()
    appendQuotedIfNeeded(fromUser ? CSVWriter.neutralized(field) : field)
  }

  /// Appends an amount as a plain signed decimal: `-250.00`.
  public mutating func money(_ amount: Money) {
    separate()
    if amount.cents < 0 { bytes.append(UInt8(ascii: "-")) }
    let absolute = amount.cents.magnitude
    appendDigits(absolute / 100)
    bytes.append(UInt8(ascii: "."))
    let fraction = absolute % 100
    bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
    bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10))
  }

  /// Appends an amount, or nothing when nil.
  public mutating func money(_ amount: Money?) {
    guard let amount else {
      separate()
      return
    }
    money(amount)
  }

  /// Appends a date as `YYYY-MM-DD`.
  public mutating func date(_ value: CivilDate) {
    separate()
    let parts = value.components
    appendPadded(parts.year, 4)
    bytes.append(UInt8(ascii: "-"))
    appendPadded(parts.month, 2)
    bytes.append(UInt8(ascii: "-"))
    appendPadded(parts.day, 2)
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
    separate()
    appendShares(value)
  }

  /// Hands the bytes built so far to `consume` once there are at least `threshold` of them,
  /// then empties the buffer (keeping its capacity), so a large file can go to disk in pieces
  /// instead of sitting whole in memory.
  public mutating func spill<E: Error>(
    over threshold: Int, to consume: ([UInt8]) throws(E) -> Void
  ) throws(E) {
    guard bytes.count >= threshold else { return }
    try consume(bytes)
    bytes.removeAll(keepingCapacity: true)
  }

  /// Ends the current row.
  public mutating func endRow() {
    bytes.append(10)
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
    isPlainNumber(utf8: Array(text.utf8)[...])
  }

  private static func isPlainNumber(utf8 text: ArraySlice<UInt8>) -> Bool {
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

  /// Appends a field of user text given as UTF-8 bytes: the same bytes as `text(_:)` of the
  /// string they encode, without making that string.
  mutating func text(utf8 field: [UInt8]) {
    separate()
    var apostrophe = false
    if let first = field.first,
      first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
        || first == UInt8(ascii: "@") || first == 9 || first == 13
    {
      apostrophe = !CSVWriter.isPlainNumber(utf8: field[...])
    }
    let needsQuotes = field.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
    }
    if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
    if apostrophe { bytes.append(UInt8(ascii: "'")) }
    if needsQuotes {
      for byte in field {
        if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        bytes.append(byte)
      }
      bytes.append(UInt8(ascii: "\""))
    } else {
      bytes.append(contentsOf: field)
    }
  }

  /// Appends a field whose bytes `build` writes as they must appear in the file, already
  /// quoted and neutralized; for callers that know the field's shape in advance.
  mutating func rawField(_ build: (inout [UInt8]) -> Void) {
    separate()
    build(&bytes)
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
    separate()
    let plain = !symbol.utf8.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
    }
    if !plain { bytes.append(UInt8(ascii: "\"")) }
    appendShares(shares)
    bytes.append(contentsOf: units ? Array(" ".utf8) : Array(" sh ".utf8))
    for byte in symbol.utf8 {
      if byte == UInt8(ascii: "\"") { bytes.append(byte) }
      bytes.append(byte)
    }
    if !plain { bytes.append(UInt8(ascii: "\"")) }
  }

  private mutating func separate() {
    if rowStarted { bytes.append(UInt8(ascii: ",")) }
    rowStarted = true
  }

  private mutating func appendShares(_ value: Shares) {
    let absolute = value.units.magnitude
    if value.units < 0 { bytes.append(UInt8(ascii: "-")) }
    appendDigits(absolute / UInt64(Shares.scale))
    var fraction = absolute % UInt64(Shares.scale)
    guard fraction > 0 else { return }
    bytes.append(UInt8(ascii: "."))
    var divisor = UInt64(Shares.scale) / 10
    while fraction > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
      fraction %= divisor
      divisor /= 10
    }
  }

  private mutating func appendDigits(_ value: UInt64) {
    if value >= 10 { appendDigits(value / 10) }
    bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
  }

  private mutating func appendPadded(_ value: Int, _ width: Int) {
    var divisor = 1
    for _ in 1..<width { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8((rest / divisor) % 10))
      rest %= divisor
      divisor /= 10
    }
  }

  private mutating func appendQuotedIfNeeded(_ field: String) {
    let utf8 = field.utf8
    let needsQuotes = utf8.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
    }
    guard needsQuotes else {
      bytes.append(contentsOf: utf8)
      return
    }
    bytes.append(UInt8(ascii: "\""))
    for byte in utf8 {
      if byte == UInt8(ascii: "\"") { bytes.append(byte) }
      bytes.append(byte)
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// The CSV text as a string.
  public var text: String { String(decoding: bytes, as: UTF8.self) }
}
