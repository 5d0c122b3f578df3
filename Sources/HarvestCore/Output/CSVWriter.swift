/// Builds CSV text for Harvest's output files.
///
/// A field is quoted only when it holds a comma, a quote or a line break. Text that came from
/// the user and would start a spreadsheet formula (`=`, `+`, `-`, `@`, tab, carriage return)
/// is prefixed with an apostrophe unless it is a plain number, so opening a report in a
/// spreadsheet never runs anything.
public struct CSVWriter: Sendable {
  /// The CSV text built so far, as UTF-8 bytes.
  public private(set) var bytes: [UInt8] = []

  /// Starts a file with its header row.
  public init(header: [String]) {
    row(header)
  }

  /// Appends one row of fields that Harvest generated itself (numbers, dates, codes).
  public mutating func row(_ fields: [String]) {
    for (index, field) in fields.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      append(field)
    }
    bytes.append(10)
  }

  /// Appends one row whose fields may hold user text; see `neutralized(_:)`.
  public mutating func userRow(_ fields: [String]) {
    row(fields.map(CSVWriter.neutralized))
  }

  /// The field made safe to open in a spreadsheet.
  public static func neutralized(_ field: String) -> String {
    guard let first = field.utf8.first else { return field }
    let risky: Set<UInt8> = [
      UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13,
    ]
    guard risky.contains(first) else { return field }
    if isPlainNumber(field) { return field }
    return "'" + field
  }

  private static func isPlainNumber(_ text: String) -> Bool {
    var bytes = Array(text.utf8)
    guard bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") else {
      return false
    }
    bytes.removeFirst()
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

  private mutating func append(_ field: String) {
    let utf8 = field.utf8
    let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"")
      || $0 == 10 || $0 == 13 }
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
