/// One line of `wash-sales.csv` and of the wash-sale statement: a loss sale of the report
/// year paired with the purchase that replaced some of its shares.
public struct WashSaleRow: Sendable, Equatable {
  // Stored properties are ordered by size, so that a third of a million rows waste no
  // padding; the initializer keeps the order of the CSV columns.
  /// The symbol sold.
  public var symbol: String
  /// The account the loss sale was in.
  public var saleAccount: String
  /// The account the replacement shares were bought in.
  public var replacementAccount: String
  /// The symbol of the replacement shares (differs within an identical group).
  public var replacementSymbol: String
  /// Shares whose loss was disallowed by this replacement.
  public var shares: Shares
  /// The loss disallowed.
  public var disallowed: Money
  /// Basis added to the replacement shares (zero when permanent).
  public var basisAdded: Money
  /// The line of the trades file holding the loss sale.
  public var saleLine: Int
  /// The loss sale's date.
  public var saleDate: CivilDate
  /// The replacement's actual purchase date.
  public var replacementDate: CivilDate
  /// The replacement's acquisition date after tacking.
  public var adjustedAcquired: HoldingStart
  /// True when the replacement is in an IRA or Roth IRA and the loss is lost for good.
  public var isPermanent: Bool

  /// Creates a row.
  public init(
    symbol: String, saleDate: CivilDate, saleAccount: String, shares: Shares,
    disallowed: Money, replacementAccount: String, replacementSymbol: String,
    replacementDate: CivilDate, basisAdded: Money, adjustedAcquired: HoldingStart,
    isPermanent: Bool, saleLine: Int
  ) {
    self.symbol = symbol
    self.saleDate = saleDate
    self.saleAccount = saleAccount
    self.shares = shares
    self.disallowed = disallowed
    self.replacementAccount = replacementAccount
    self.replacementSymbol = replacementSymbol
    self.replacementDate = replacementDate
    self.basisAdded = basisAdded
    self.adjustedAcquired = adjustedAcquired
    self.isPermanent = isPermanent
    self.saleLine = saleLine
  }
}

/// One line of `deferred-losses.csv`: a disallowed loss still sitting in the basis of
/// replacement shares at the end of the report year.
public struct DeferredLossRow: Sendable, Equatable {
  /// The symbol held.
  public var symbol: String
  /// The account holding the replacement shares.
  public var account: String
  /// The replacement's actual purchase date (may fall in January of the next year).
  public var lotDate: CivilDate
  /// Replacement shares still held.
  public var shares: Shares
  /// The loss deferred into their basis.
  public var deferred: Money

  /// Creates a row.
  public init(
    symbol: String, account: String, lotDate: CivilDate, shares: Shares,
    deferred: Money
  ) {
    self.symbol = symbol
    self.account = account
    self.lotDate = lotDate
    self.shares = shares
    self.deferred = deferred
  }
}
