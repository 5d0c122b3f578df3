/// One line of `wash-sales.csv` and of the wash-sale statement: a loss sale of the report
/// year paired with the purchase that replaced some of its shares.
public struct WashSaleRow: Sendable, Equatable {
  /// The symbol sold.
  public var symbol: String
  /// The loss sale's date.
  public var saleDate: CivilDate
  /// The account the loss sale was in.
  public var saleAccount: String
  /// Shares whose loss was disallowed by this replacement.
  public var shares: Shares
  /// The loss disallowed.
  public var disallowed: Money
  /// The account the replacement shares were bought in.
  public var replacementAccount: String
  /// The symbol of the replacement shares (differs within an identical group).
  public var replacementSymbol: String
  /// The replacement's actual purchase date.
  public var replacementDate: CivilDate
  /// Basis added to the replacement shares (zero when permanent).
  public var basisAdded: Money
  /// The replacement's acquisition date after tacking.
  public var adjustedAcquired: HoldingStart
  /// True when the replacement is in an IRA or Roth IRA and the loss is lost for good.
  public var isPermanent: Bool
  /// The line of the trades file holding the loss sale.
  public var saleLine: Int
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
