/// The order in which purchases are taken, both as lots leaving an account and as
/// replacement shares: acquisition date, then account name, then symbol, then the broker's
/// execution order within the day. Nothing else about the input's row order matters.
struct PurchaseKey: Comparable {
  var acquired: Int32
  var accountRank: Int32
  var symbolRank: Int32
  var tradeDate: Int32
  var ordinal: Int32

  static func < (lhs: PurchaseKey, rhs: PurchaseKey) -> Bool {
    if lhs.acquired != rhs.acquired { return lhs.acquired < rhs.acquired }
    if lhs.accountRank != rhs.accountRank { return lhs.accountRank < rhs.accountRank }
    if lhs.symbolRank != rhs.symbolRank { return lhs.symbolRank < rhs.symbolRank }
    if lhs.tradeDate != rhs.tradeDate { return lhs.tradeDate < rhs.tradeDate }
    return lhs.ordinal < rhs.ordinal
  }

  static let last = PurchaseKey(
    acquired: .max, accountRank: .max, symbolRank: .max, tradeDate: .max, ordinal: .max)
}
