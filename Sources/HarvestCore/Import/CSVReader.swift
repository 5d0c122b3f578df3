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
  public struct SyntaxError: Error, Sendable {
    /// The physical line (1-based) where the problem is.
    public var line: Int
    /// What was found and what was expected.
    public var message: String
  }

  /// The whole input.
  public private(set) var bytes: [UInt8]
  private var position: Int
  private var line = 1

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
        position += 1
        let start = position
        var escaped = false
        while true {
          guard position < count else {
            throw SyntaxError(
              line: recordLine,
              message: "a quoted field is never closed; expected a closing double quote")
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
        throw SyntaxError(
          line: line,
          message: "found text after a closing double quote; expected a comma or the end of the line")
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
        position += 1
        if position == count { fields.append(Field(start: count, end: count, hasEscapedQuotes: false)) }
        continue
      }
      consumeLineBreak()
      return recordLine
    }
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
