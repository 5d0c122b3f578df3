/// Reads records from CSV text as RFC 4180 describes it.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; lines may end in CRLF, LF
/// or CR; a UTF-8 byte order mark at the start is skipped. The reader works on bytes and
/// hands back field ranges, so a year of a million trades is read without a string per cell.
public struct CSVReader {
  /// Where one field lies in the input.
  public struct Field: Sendable {
    /// First byte of the field's content (after an opening quote).
    public var start: Int
    /// One past the last byte of the content (before a closing quote).
    public var end: Int
    /// Whether the content holds doubled quotes that stand for one quote each.
    public var hasEscapedQuotes: Bool

    /// True when the field holds no characters.
    public var isEmpty: Bool { start == end }
  }

  /// A syntax error in the CSV text itself.
  ///
  /// After text following a closing quote the reader skips the rest of that line, so the
  /// caller may go on reading and collect further errors; after a quote that is never closed
  /// the input is used up.
  public struct SyntaxError: Error, Sendable {
    /// The physical line (1-based) where the problem is.
    public var line: Int
    /// The 0-based position of the field within its record.
    public var field: Int
    /// The offending text: the field from its opening quote, shortened.
    public var found: String
    /// What was expected instead.
    public var message: String
  }

  /// The most bytes of a broken field quoted back in a syntax error.
  static let quotedTextLimit = 80

  /// The whole input.
  public private(set) var bytes: [UInt8]
  /// The offset of the next record; the trades reader moves it past lines it reads itself.
  var position: Int
  /// The physical line (1-based) at `position`.
  var line = 1

  /// Creates a reader over the bytes of a file.
  public init(bytes: [UInt8]) {
    self.bytes = bytes
    let hasMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    self.position = hasMark ? 3 : 0
  }

  /// Reads the next record into `fields`.
  ///
  /// - Returns: the physical line the record starts on, or nil at the end of the input.
  /// - Throws: `SyntaxError` for an unterminated quote or text after a closing quote.
  public mutating func next(into fields: inout [Field]) throws(SyntaxError) -> Int? {
    fields.removeAll(keepingCapacity: true)
    guard position < bytes.count else { return nil }
    let recordLine = line
    let count = bytes.count
    let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf: UInt8 = 10, cr: UInt8 = 13

    while true {
      if position < count && bytes[position] == quote {
        let quoteLine = line
        position += 1
        let start = position
        var escaped = false
        while true {
          guard position < count else {
            let found = excerpt(from: start - 1, to: count)
            throw SyntaxError(
              line: quoteLine,
              field: fields.count, found: found,
              message: "a closing double quote; this quoted field runs to the end of the file")
          }
          let byte = bytes[position]
          if byte == quote {
            if position + 1 < count && bytes[position + 1] == quote {
              escaped = true
              position += 2
              continue
            }
            break
          }
          if byte == lf || (byte == cr && (position + 1 >= count || bytes[position + 1] != lf)) {
            line += 1
          }
          position += 1
        }
        fields.append(Field(start: start, end: position, hasEscapedQuotes: escaped))
        position += 1
        guard position < count else { return recordLine }
        let after = bytes[position]
        if after == comma {
          position += 1
          continue
        }
        if after == lf || after == cr {
          consumeLineBreak()
          return recordLine
        }
        let errorLine = line
        let found = excerpt(from: start - 1, to: endOfLine(from: position))
        let field = fields.count - 1
        skipRestOfLine()
        throw SyntaxError(
          line: errorLine, field: field, found: found,
          message: "a comma or the end of the line after a closing double quote "
            + "(a quote inside a quoted field is written twice)")
      }

      let start = position
      while position < count {
        let byte = bytes[position]
        if byte == comma || byte == lf || byte == cr { break }
        position += 1
      }
      fields.append(Field(start: start, end: position, hasEscapedQuotes: false))
      guard position < count else { return recordLine }
      if bytes[position] == comma {
        // A comma at the very end leaves one empty field, which the next pass appends.
        position += 1
        continue
      }
      consumeLineBreak()
      return recordLine
    }
  }

  /// The offset of the next line break at or after `from`, or the end of the input.
  private func endOfLine(from: Int) -> Int {
    var index = from
    while index < bytes.count && bytes[index] != 10 && bytes[index] != 13 { index += 1 }
    return index
  }

  /// Moves past the rest of the current physical line and its line break.
  private mutating func skipRestOfLine() {
    position = endOfLine(from: position)
    if position < bytes.count { consumeLineBreak() }
  }

  /// Up to `quotedTextLimit` bytes of the input as text, invalid UTF-8 shown as U+FFFD.
  private func excerpt(from: Int, to: Int) -> String {
    let end = Swift.min(to, from + CSVReader.quotedTextLimit)
    return String(decoding: bytes[from..<end], as: UTF8.self)
  }

  private mutating func consumeLineBreak() {
    if bytes[position] == 13 && position + 1 < bytes.count && bytes[position + 1] == 10 {
      position += 2
    } else {
      position += 1
    }
    line += 1
  }

  /// The field's content as bytes, with doubled quotes made single.
  public func content(of field: Field) -> ArraySlice<UInt8> {
    guard field.hasEscapedQuotes else { return bytes[field.start..<field.end] }
    var result: [UInt8] = []
    result.reserveCapacity(field.end - field.start)
    var index = field.start
    while index < field.end {
      result.append(bytes[index])
      index += bytes[index] == UInt8(ascii: "\"") ? 2 : 1
    }
    return result[...]
  }

  /// The field's content as a string, or nil when it is not valid UTF-8.
  public func text(of field: Field) -> String? {
    String(validating: content(of: field), as: UTF8.self)
  }

  /// The field's content with surrounding spaces and tabs removed, or nil when not UTF-8.
  public func trimmedText(of field: Field) -> String? {
    guard let text = text(of: field) else { return nil }
    return text.trimmingSpaces
  }

  /// True when the field holds only spaces and tabs, or nothing.
  public func isBlank(_ field: Field) -> Bool {
    for index in field.start..<field.end {
      let byte = bytes[index]
      if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { return false }
    }
    return true
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  public var trimmingSpaces: String {
    var scalars = Substring(self)
    while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
    while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
    return String(scalars)
  }
}
