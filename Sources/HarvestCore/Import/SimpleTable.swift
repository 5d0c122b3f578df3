/// A small CSV file of named columns, such as `accounts.csv` or an identical-securities list,
/// read with the same CSV rules as the trades file.
public struct SimpleTable: Sendable {
  /// One data row: its line and its cells by lower-case column name.
  public struct Row: Sendable {
    /// The 1-based line the row starts on.
    public var line: Int
    /// Trimmed cells by lower-case column name; a missing cell reads as empty.
    public var cells: [String: String]

    /// The cell of `column`, or the empty string.
    public subscript(_ column: String) -> String { cells[column] ?? "" }
  }

  /// The file as the user named it.
  public var file: String
  /// The data rows, in file order.
  public var rows: [Row]

  /// Reads a table whose header is the first line naming every `required` column.
  ///
  /// - Throws: `InputErrors` for a syntax error, invalid UTF-8 or a missing header.
  public static func read(
    bytes: [UInt8], file: String, required: [String], optional: [String] = []
  ) throws(InputErrors) -> SimpleTable {
    var reader = CSVReader(bytes: bytes)
    var fields: [CSVReader.Field] = []
    var header: [Int: String]?
    var rows: [Row] = []
    var errors: [InputError] = []

    while errors.count < TradeFileReader.errorLimit {
      let line: Int
      do {
        guard let next = try reader.next(into: &fields) else { break }
        line = next
      } catch {
        let name = header?[error.field]
        errors.append(
          InputError(
            file: file, line: error.line, column: name, found: error.found,
            expected: error.message, columnNumber: name == nil ? error.field + 1 : nil))
        continue
      }
      if fields.allSatisfy({ reader.isBlank($0) }) { continue }
      var texts: [String] = []
      for (index, field) in fields.enumerated() {
        guard let text = reader.trimmedText(of: field) else {
          let name = header?[index]
          errors.append(
            InputError(
              file: file, line: line, column: name,
              found: String(decoding: reader.content(of: field), as: UTF8.self),
              expected: "text in UTF-8; the bytes shown as \u{FFFD} are not UTF-8",
              columnNumber: name == nil ? index + 1 : nil))
          break
        }
        texts.append(text)
      }
      guard texts.count == fields.count else { continue }

      guard let columns = header else {
        let names = texts.map { $0.lowercased() }
        if required.allSatisfy(names.contains) {
          var map: [Int: String] = [:]
          for (index, name) in names.enumerated()
          where required.contains(name) || optional.contains(name) {
            if map.values.contains(name) {
              errors.append(
                InputError(
                  file: file, line: line, column: nil, found: texts[index],
                  expected: "each column named once in the header", columnNumber: index + 1))
              continue
            }
            map[index] = name
          }
          header = map
        }
        continue
      }
      var cells: [String: String] = [:]
      for (index, name) in columns where index < texts.count { cells[name] = texts[index] }
      rows.append(Row(line: line, cells: cells))
    }
    if header == nil && errors.isEmpty {
      errors.append(
        InputError(
          file: file, line: nil, column: nil, found: nil,
          expected: "a header line naming the columns " + required.joined(separator: ", ")))
    }
    if !errors.isEmpty {
      throw InputErrors(errors, truncated: errors.count >= TradeFileReader.errorLimit)
    }
    return SimpleTable(file: file, rows: rows)
  }
}
