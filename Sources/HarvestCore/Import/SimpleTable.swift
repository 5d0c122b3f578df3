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

    while true {
      let line: Int
      do {
        guard let next = try reader.next(into: &fields) else { break }
        line = next
      } catch {
        errors.append(InputError(file: file, line: error.line, column: nil, found: nil,
                                 expected: error.message))
        break
      }
      if fields.allSatisfy({ reader.isBlank($0) }) { continue }
      var texts: [String] = []
      for field in fields {
        guard let text = reader.trimmedText(of: field) else {
          errors.append(InputError(file: file, line: line, column: nil, found: nil,
                                   expected: "text in UTF-8; this line holds bytes that are not"))
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
              errors.append(InputError(file: file, line: line, column: name, found: nil,
                                       expected: "each column named once in the header"))
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
      errors.append(InputError(
        file: file, line: nil, column: nil, found: nil,
        expected: "a header line naming the columns " + required.joined(separator: ", ")))
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return SimpleTable(file: file, rows: rows)
  }
}
