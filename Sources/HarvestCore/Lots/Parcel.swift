/// Shares of one purchase that share a basis and a holding period.
///
/// A purchase starts as one parcel. When some of its shares replace shares sold at a loss,
/// those shares become a parcel of their own that carries the disallowed loss in its basis
/// and the sold shares' holding period.
public struct Parcel: Sendable, Equatable {
  /// Shares still held.
  public var shares: Shares
  /// What the held shares actually cost, before wash-sale adjustments.
  public var cost: Money
  /// Disallowed wash-sale losses added to the basis of the held shares.
  public var washAdded: Money
  /// When the holding period of these shares began, after any tacking.
  public var holding: HoldingStart
  /// The sale whose disallowed loss this parcel carries (a trade index), or -1.
  public var originSale: Int32

  /// The basis of the held shares: actual cost plus wash-sale adjustments.
  public var basis: Money { cost + washAdded }

  /// Removes `count` shares and returns them as a parcel, splitting cost and adjustment in
  /// proportion to shares (the removed part takes its share of what is still unsplit).
  mutating func split(_ count: Shares) -> Parcel {
    let part = Parcel(
      shares: count, cost: cost.share(count.units, of: shares.units),
      washAdded: washAdded.share(count.units, of: shares.units), holding: holding,
      originSale: originSale)
    shares -= part.shares
    cost -= part.cost
    washAdded -= part.washAdded
    return part
  }
}
