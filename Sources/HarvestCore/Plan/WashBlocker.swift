/// A recent purchase that would wash the loss of a lot sold on the plan date: shares of the
/// same or a substantially identical symbol bought in the 30 days before, in any account of
/// the filer or the spouse, not yet sold and not already replacing an earlier loss.
public struct WashBlocker: Sendable, Equatable {
  /// The account the shares were bought in.
  public var account: String
  /// The symbol bought.
  public var symbol: String
  /// The purchase date.
  public var date: CivilDate
  /// Shares of the purchase that could still replace sold shares.
  public var shares: Shares
  /// The account's kind; an IRA or Roth purchase would disallow the loss for good.
  public var accountKind: AccountKind

  /// Creates a blocker.
  public init(
    account: String, symbol: String, date: CivilDate, shares: Shares,
    accountKind: AccountKind
  ) {
    self.account = account
    self.symbol = symbol
    self.date = date
    self.shares = shares
    self.accountKind = accountKind
  }

  /// The first day a sale is out of this purchase's window: purchase date + 31.
  public var clearsOn: CivilDate { date.adding(days: WashSaleEngine.windowDays + 1) }
}
