/// Reads an `--identical` file: `symbol,group`. Symbols that share a group are treated as
/// substantially identical for the wash-sale rule (share classes, a fund and its twin).
public enum IdenticalGroupsReader {
  /// Reads the groups as a map from upper-case symbol to group name.
  ///
  /// - Throws: `InputErrors` naming each bad line.
  public static func read(bytes: [UInt8], file: String) throws(InputErrors) -> [String: String] {
    let table = try SimpleTable.read(bytes: bytes, file: file, required: ["symbol", "group"])
    var groups: [String: String] = [:]
    var errors: [InputError] = []
    for row in table.rows {
      let symbol = row["symbol"].uppercased()
      let group = row["group"]
      if symbol.isEmpty || group.isEmpty {
        errors.append(
          InputError(
            file: file, line: row.line, column: symbol.isEmpty ? "symbol" : "group", found: nil,
            expected: "a symbol and a group name"))
      } else if let existing = groups[symbol], existing != group {
        errors.append(
          InputError(
            file: file, line: row.line, column: "group", found: group,
            expected: "one group per symbol; \(symbol) is already in \(existing)"))
      } else {
        groups[symbol] = group
      }
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return groups
  }
}
