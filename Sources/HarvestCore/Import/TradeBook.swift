/// Every trade read from a trades file, with the account and symbol names they refer to.
public struct TradeBook: Sendable {
  /// The file as the user named it.
  public var file: String
  /// The trades, in file order.
  public var trades: [Trade]
  /// Account names; `Trade.account` indexes this table.
  public var accounts: NameTable
  /// Symbols; `Trade.symbol` indexes this table.
  public var symbols: NameTable
  /// Lines recognised as a footer (such as a totals line) and skipped.
  public var skippedFooterLines: [Int]

  /// Creates a trade book.
  public init(
    file: String, trades: [Trade], accounts: NameTable, symbols: NameTable,
    skippedFooterLines: [Int] = []
  ) {
    self.file = file
    self.trades = trades
    self.accounts = accounts
    self.symbols = symbols
    self.skippedFooterLines = skippedFooterLines
  }

  /// The latest trade date in the file, or nil when it holds no trades.
  public var lastDate: CivilDate? { trades.lazy.map(\.date).max() }
}
