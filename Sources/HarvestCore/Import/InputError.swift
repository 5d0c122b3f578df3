/// A problem with one place in an input file: which file, line and column, the text found
/// there, and what was expected instead.
///
/// Errors are data; `message` is the one place they become sentences.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file as the user named it.
  public var file: String
  /// The 1-based line, or nil for a problem with the file as a whole.
  public var line: Int?
  /// The column's header name, when the problem is in one field.
  public var column: String?
  /// The 1-based position of the field in its line, for a field with no known header name
  /// (a syntax error before the header, or in a column Harvest does not read).
  public var columnNumber: Int?
  /// The offending text, quoted in the message when present.
  public var found: String?
  /// What the field or line should have held.
  public var expected: String

  /// Creates an error.
  public init(
    file: String, line: Int?, column: String?, found: String?, expected: String,
    columnNumber: Int? = nil
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.columnNumber = columnNumber
    self.found = found
    self.expected = expected
  }

  /// `FILE:LINE: column 'quantity': found "abc"; expected …`.
  public var message: String {
    var text = file
    if let line { text += ":\(line)" }
    text += ":"
    if let column {
      text += " column '\(column)':"
    } else if let columnNumber {
      text += " column \(columnNumber):"
    }
    if let found {
      text += " found \"\(InputError.printable(found))\"; expected \(expected)"
    } else {
      text += " \(expected)"
    }
    return text
  }

  public var description: String { message }

  /// Shortens long text and shows control characters visibly, so one message is one line
  /// and nothing quoted from a file can move the cursor or reorder a terminal's text.
  static func printable(_ text: String) -> String {
    var result = ""
    var shown = 0
    for scalar in text.unicodeScalars {
      if shown == 60 { return result + "…" }
      shown += 1
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\"": result += "\\\""
      default:
        result +=
          isInvisible(scalar)
          ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
      }
    }
    return result
  }

  /// Control characters (C0, DEL, C1), line and paragraph separators, and the characters that
  /// override the direction of text.
  private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0..<32, 0x7F...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069,
      0xFEFF:
      return true
    default:
      return false
    }
  }
}

/// Several input errors found in one pass, reported together.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
  /// The errors in file and line order.
  public var errors: [InputError]
  /// True when more errors were found than are listed.
  public var truncated: Bool

  /// Creates a list of errors.
  public init(_ errors: [InputError], truncated: Bool = false) {
    self.errors = errors
    self.truncated = truncated
  }

  public var description: String {
    var lines = errors.map(\.message)
    if truncated { lines.append("(more errors were found; fix these and run again)") }
    return lines.joined(separator: "\n")
  }
}
