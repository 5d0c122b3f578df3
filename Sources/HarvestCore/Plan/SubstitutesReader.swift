/// Reads a `--substitutes` file: `symbol,substitute`, a similar holding that is not
/// substantially identical, to keep market exposure while a symbol may not be bought.
public enum SubstitutesReader {
  /// Reads the substitutes keyed by upper-case symbol.
  ///
  /// - Parameters:
  ///   - bytes: the file's contents.
  ///   - file: the file as the user named it, for messages.
  ///   - identicalGroups: the declared groups of substantially identical symbols.
  /// - Returns: the substitute (upper case) of each symbol listed.
  /// - Throws: `InputErrors` naming each bad line, including a substitute that is the
  ///   symbol itself or in its identical group, since buying it would be a wash sale.
  public static func read(
    bytes: [UInt8], file: String, identicalGroups: [String: String]
  ) throws(InputErrors) -> [String: String] {
    let table = try SimpleTable.read(
      bytes: bytes, file: file, required: ["symbol", "substitute"])
    var substitutes: [String: String] = [:]
    var errors: [InputError] = []
    for row in table.rows {
      let symbol = row["symbol"].uppercased()
      let substitute = row["substitute"].uppercased()
      if symbol.isEmpty || substitute.isEmpty {
        errors.append(
          InputError(
            file: file, line: row.line, column: symbol.isEmpty ? "symbol" : "substitute",
            found: nil, expected: "a symbol and its substitute; the field is empty"))
        continue
      }
      let group = identicalGroups[symbol] ?? symbol
      if substitute == symbol || identicalGroups[substitute].map({ $0 == group }) == true {
        errors.append(
          InputError(
            file: file, line: row.line, column: "substitute", found: row["substitute"],
            expected: "a holding that is not substantially identical to \(symbol); buying "
              + "this one would be a wash sale"))
        continue
      }
      if let earlier = substitutes[symbol], earlier != substitute {
        errors.append(
          InputError(
            file: file, line: row.line, column: "substitute", found: row["substitute"],
            expected: "one substitute per symbol; \(symbol) already has \(earlier)"))
        continue
      }
      substitutes[symbol] = substitute
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return substitutes
  }
}
