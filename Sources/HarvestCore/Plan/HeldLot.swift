/// Shares of one symbol held in one account that were acquired on one day, gathered from
/// the engine's parcels: the unit a plan sells, because a trades-file `lot` of that date
/// selects exactly them.
struct HeldLot {
  var account: Int32
  var symbol: Int32
  var lotDate: CivilDate
  var shares = Shares.zero
  var basis = Money.zero
  var holdings: [HoldingStart] = []
  /// The buy rows the shares come from, as trade indices.
  var purchases: Set<Int32> = []

  var position: Position { Position(account: account, symbol: symbol) }

  /// One account's holding of one symbol.
  struct Position: Hashable {
    var account: Int32
    var symbol: Int32
  }

  /// Whether a sale on `day` is long-term for every share.
  func isLongTerm(on day: CivilDate) -> Bool {
    holdings.allSatisfy { $0.isLongTerm(soldOn: day) }
  }

  /// Days from `day` until every share is long-term.
  func daysToLongTerm(from day: CivilDate) -> Int {
    var days = 0
    for holding in holdings {
      guard case .date(let start) = holding else { continue }
      let firstLongDay = start.firstAnniversary.adding(days: 1)
      days = max(days, firstLongDay.days(since: day))
    }
    return days
  }

  /// The date a trades-file `lot` names these shares by: the original acquisition date of
  /// a lot transferred in, else the trade date.
  static func lotDate(of trade: Trade) -> CivilDate {
    if case .date(let acquired)? = trade.acquired { return acquired }
    return trade.date
  }
}
