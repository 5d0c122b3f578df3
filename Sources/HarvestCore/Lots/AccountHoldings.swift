/// The purchases of one symbol held in one account, in first-in-first-out order.
struct AccountHoldings {
  /// Purchase ids ordered by acquisition; those before `head` are sold out.
  var purchases: [Int32] = []
  var head = 0
  /// Shares held across all purchases.
  var held = Shares.zero
  /// Purchase ids by lot name.
  var byName: [String: Int32] = [:]
}
