/// Reads a `--prices` file: `symbol,price`, the closing price per share of each symbol on
/// the plan date.
public enum PriceListReader {
  /// Reads the prices keyed by upper-case symbol.
  ///
  /// - Parameters:
  ///   - bytes: the file's contents.
  ///   - file: the file as the user named it, for messages.
  /// - Returns: the price of each symbol listed.
  /// - Throws: `InputErrors` naming each bad line: an empty symbol, a price that is not a
  ///   non-negative number with at most 6 decimals, a symbol given two different prices.
  public static func read(bytes: [UInt8], file: String) throws(InputErrors) -> [String: Price] {
    let table = try SimpleTable.read(bytes: bytes, file: file, required: ["symbol", "price"])
    let rules = DecimalText.Rules(
      decimals: Price.decimals, allowsDollarSign: true, limit: 1_000_000_000 * Price.scale)
    var prices: [String: Price] = [:]
    var errors: [InputError] = []
    for row in table.rows {
      let symbol = row["symbol"].uppercased()
      guard !symbol.isEmpty else {
        errors.append(
          InputError(
            file: file, line: row.line, column: "symbol", found: nil,
            expected: "a symbol; the field is empty"))
        continue
      }
      guard let micros = try? DecimalText.parse(row["price"], rules), micros >= 0 else {
        errors.append(
          InputError(
            file: file, line: row.line, column: "price", found: row["price"],
            expected: "a price per share of zero or more, with at most 6 decimals"))
        continue
      }
      let price = Price(micros: micros)
      if let earlier = prices[symbol], earlier != price {
        errors.append(
          InputError(
            file: file, line: row.line, column: "price", found: row["price"],
            expected: "one price per symbol; \(symbol) is already priced at \(earlier)"))
        continue
      }
      prices[symbol] = price
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return prices
  }
}
