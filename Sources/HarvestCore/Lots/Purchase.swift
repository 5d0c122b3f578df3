/// A buy row and what remains of it: the parcels that replaced washed shares, sold first in
/// the order of the washes, then the rest of the purchase.
struct Purchase {
  /// The buy's index in the trade book.
  let trade: Int32
  /// The actual trade date.
  let date: CivilDate
  /// The date first-in-first-out ordering uses: the original acquisition date of a lot that
  /// was transferred in, else the trade date.
  let fifoDate: CivilDate
  let account: Int32
  let symbol: Int32
  /// Whether the shares were bought (and so can replace shares sold at a loss). Lots
  /// transferred in, gifted or inherited were not bought within any window.
  let isPurchase: Bool
  /// The first and last parcel carved out as replacement shares, chained in the order of the
  /// washes in the engine's store of replacement parcels; -1 when there is none. A store
  /// shared by all purchases spares a million purchases an array each.
  var firstReplaced: Int32 = -1
  var lastReplaced: Int32 = -1
  /// Shares still held in the replacement parcels.
  var replacedShares = Shares.zero
  /// The rest of the purchase: never matched as replacement shares.
  var rest: Parcel

  /// Shares still held in every parcel.
  var heldShares: Shares { rest.shares + replacedShares }
}
