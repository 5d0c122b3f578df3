/// A buy row and what remains of it: the parcels that replaced washed shares, sold first in
/// the order of the washes, then the rest of the purchase.
///
/// Kept to 48 bytes, since a sale reads the purchases it takes from and every purchase in
/// its window: the rest of a purchase carries no wash-sale adjustment, so its shares, cost
/// and holding start are all it needs, and the first-in-first-out date and symbol are found
/// elsewhere by the engine.
struct Purchase {
  /// The buy's index in the trade book.
  let trade: Int32
  /// The actual trade date.
  let date: CivilDate
  /// The first and last parcel carved out as replacement shares, chained in the order of the
  /// washes in the engine's store of replacement parcels; -1 when there is none. A store
  /// shared by all purchases spares a million purchases an array each.
  var firstReplaced: Int32 = -1
  var lastReplaced: Int32 = -1
  /// Shares still held in the replacement parcels.
  var replacedShares = Shares.zero
  /// Shares and actual cost of the rest of the purchase: never matched as replacement shares.
  private(set) var restShares: Shares
  private(set) var restCost: Money
  /// When the holding period of the rest began.
  let holding: HoldingStart
  /// Whether the shares were bought (and so can replace shares sold at a loss). Lots
  /// transferred in, gifted or inherited were not bought within any window.
  let isPurchase: Bool
  /// Whether it was bought in a taxable account: a loss its shares replace is then carried
  /// into their basis; in an IRA or Roth IRA it is lost for good.
  let inTaxableAccount: Bool

  /// Creates a purchase with all its shares in its rest.
  init(
    trade: Int32, date: CivilDate, shares: Shares, cost: Money, holding: HoldingStart,
    isPurchase: Bool, inTaxableAccount: Bool
  ) {
    self.trade = trade
    self.date = date
    self.restShares = shares
    self.restCost = cost
    self.holding = holding
    self.isPurchase = isPurchase
    self.inTaxableAccount = inTaxableAccount
  }

  /// The rest of the purchase as a parcel.
  var rest: Parcel {
    Parcel(
      shares: restShares, cost: restCost, washAdded: .zero, holding: holding, originSale: -1)
  }

  /// Removes `count` shares from the rest and returns them as a parcel, as `Parcel.split`
  /// does (with no adjustment to split).
  mutating func splitRest(_ count: Shares) -> Parcel {
    let cost = restCost.share(count.units, of: restShares.units)
    restShares -= count
    restCost -= cost
    return Parcel(shares: count, cost: cost, washAdded: .zero, holding: holding, originSale: -1)
  }

  /// Shares still held in every parcel.
  var heldShares: Shares { restShares + replacedShares }
}
