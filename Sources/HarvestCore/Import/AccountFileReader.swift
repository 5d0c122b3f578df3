/// Reads `accounts.csv`: `account,kind,owner` and an optional `broker`.
public enum AccountFileReader {
  /// Reads the accounts, keyed by name.
  ///
  /// - Throws: `InputErrors` naming each bad line and field.
  public static func read(bytes: [UInt8], file: String) throws(InputErrors) -> [String: Account] {
    let table = try SimpleTable.read(
      bytes: bytes, file: file, required: ["account", "kind", "owner"], optional: ["broker"])
    var accounts: [String: Account] = [:]
    var errors: [InputError] = []
    for row in table.rows {
      let name = row["account"]
      if name.isEmpty {
        errors.append(
          InputError(
            file: file, line: row.line, column: "account", found: nil,
            expected: "an account name; the field is empty"))
        continue
      }
      guard let kind = AccountKind(rawValue: row["kind"].lowercased()) else {
        errors.append(
          InputError(
            file: file, line: row.line, column: "kind", found: row["kind"],
            expected: "taxable, ira or roth"))
        continue
      }
      guard let owner = AccountOwner(rawValue: row["owner"].lowercased()) else {
        errors.append(
          InputError(
            file: file, line: row.line, column: "owner",
            found: row["owner"], expected: "self or spouse"))
        continue
      }
      if accounts[name] != nil {
        errors.append(
          InputError(
            file: file, line: row.line, column: "account", found: name,
            expected: "each account listed once"))
        continue
      }
      let broker = row["broker"].isEmpty ? nil : row["broker"]
      accounts[name] = Account(name: name, kind: kind, owner: owner, broker: broker)
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return accounts
  }
}
