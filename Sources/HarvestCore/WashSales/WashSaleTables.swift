/// What every sweep of the wash-sale engine reads about the whole book: account kinds, the
/// ranks that order purchases, and the group of substantially identical symbols of each
/// symbol. Built once, shared by the partitions, never changed.
struct WashSaleTables: Sendable {
  let accountKinds: [AccountKind]
  let accountRanks: [Int32]
  let symbolRanks: [Int32]
  /// The group of each symbol, or -1 for a digital asset that is not wash-sale property.
  let groupOfSymbol: [Int32]
  let groupCount: Int
  /// How many trades each symbol has, for dealing groups out to partitions.
  let tradesOfSymbol: [Int]
  /// The latest trade date in the file: a loss sale whose window ends after it may still be
  /// washed by purchases the file does not show.
  let lastTradeDate: CivilDate?

  init(_ book: TradeBook, _ configuration: WashSaleEngine.Configuration) {
    accountKinds = book.accounts.names.map { configuration.accounts[$0]?.kind ?? .taxable }
    accountRanks = Self.ranks(of: book.accounts.names)
    symbolRanks = Self.ranks(of: book.symbols.names)
    lastTradeDate = book.lastDate

    var groupNames: [String: Int32] = [:]
    var washProperty = Array(repeating: true, count: book.symbols.count)
    var tradesOfSymbol = Array(repeating: 0, count: book.symbols.count)
    for index in book.trades.indices {
      let symbol = Int(book.trades[index].symbol)
      tradesOfSymbol[symbol] += 1
      if !book.trades[index].asset.isWashSaleProperty { washProperty[symbol] = false }
    }
    self.tradesOfSymbol = tradesOfSymbol
    groupOfSymbol = book.symbols.names.enumerated().map { index, symbol in
      guard washProperty[index] else { return -1 }
      let name = configuration.identicalGroups[symbol].map { "group:" + $0 } ?? "symbol:" + symbol
      if let id = groupNames[name] { return id }
      let id = Int32(groupNames.count)
      groupNames[name] = id
      return id
    }
    groupCount = groupNames.count
  }

  private static func ranks(of names: [String]) -> [Int32] {
    var ranks = Array(repeating: Int32(0), count: names.count)
    let order = names.indices.sorted { names[$0] < names[$1] }
    for (rank, index) in order.enumerated() { ranks[index] = Int32(rank) }
    return ranks
  }

  /// Where a buy stands in purchase order. Its acquisition date is the original one of a lot
  /// transferred in, else the trade date.
  func purchaseKey(_ trade: Trade) -> PurchaseKey {
    var acquired = trade.date
    if case .date(let original)? = trade.acquired { acquired = original }
    return PurchaseKey(
      acquired: acquired.dayNumber, accountRank: accountRanks[Int(trade.account)],
      symbolRank: symbolRanks[Int(trade.symbol)], tradeDate: trade.date.dayNumber,
      ordinal: trade.dayOrdinal)
  }
}
