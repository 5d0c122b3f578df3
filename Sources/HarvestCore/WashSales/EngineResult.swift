/// One piece of a sale: the shares of one sale that came from one parcel.
public struct Disposition: Sendable, Equatable {
  /// The sale's index in the trade book.
  public var sale: Int32
  /// The buy's index in the trade book.
  public var purchase: Int32
  /// Shares sold from the parcel.
  public var shares: Shares
  /// This piece's part of the sale's net proceeds.
  public var proceeds: Money
  /// What the shares actually cost.
  public var cost: Money
  /// Wash-sale losses carried into these shares' basis by earlier sales.
  public var washAdded: Money
  /// When the holding period began, after tacking.
  public var holding: HoldingStart
  /// The loss disallowed by the wash-sale rule (positive), zero when none.
  public var disallowed: Money
  /// Whether the sale is long-term.
  public var isLongTerm: Bool
  /// The earlier loss sale whose disallowed loss is in `washAdded` (a trade index), or -1.
  public var washOrigin: Int32

  /// Basis including wash-sale adjustments: column (e).
  public var basis: Money { cost + washAdded }
}

/// A loss sale paired with the shares that replaced it.
public struct WashSaleMatch: Sendable, Equatable {
  /// The loss sale's index in the trade book.
  public var sale: Int32
  /// The replacement buy's index in the trade book.
  public var replacement: Int32
  /// Sold shares matched with as many replacement shares.
  public var shares: Shares
  /// The loss disallowed for these shares.
  public var disallowed: Money
  /// The basis added to the replacement shares: the disallowed loss, or zero when the
  /// replacement was bought in an IRA or Roth IRA and the loss is lost for good.
  public var basisAdded: Money
  /// The replacement shares' holding start after tacking.
  public var adjustedHolding: HoldingStart
  /// Whether the loss is disallowed permanently (IRA or Roth replacement).
  public var isPermanent: Bool
}

/// Shares still held at a point in time, with their basis.
public struct HeldParcel: Sendable, Equatable {
  /// The buy's index in the trade book.
  public var purchase: Int32
  /// The shares and their basis.
  public var parcel: Parcel
}

/// A loss sale whose 30-day window runs past the end of the trades file.
public struct IncompleteWindow: Sendable, Equatable {
  /// The sale's index in the trade book.
  public var sale: Int32
  /// The last day of the sale's window.
  public var windowEnd: CivilDate
}

/// What the wash-sale engine found over the whole trade history.
public struct EngineResult: Sendable {
  /// Every sale piece, in the order the sales were processed.
  public var dispositions: [Disposition] = []
  /// Every wash-sale pairing.
  public var matches: [WashSaleMatch] = []
  /// Parcels held at the end of the snapshot day, when one was asked for.
  public var heldAtSnapshot: [HeldParcel] = []
  /// Loss sales whose window the file does not cover completely.
  public var incompleteWindows: [IncompleteWindow] = []
}
