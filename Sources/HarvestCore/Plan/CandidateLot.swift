/// Shares of one symbol bought on one day in one taxable account that are worth less than
/// their wash-adjusted basis on the plan date: a lot that could be sold to harvest a loss.
public struct CandidateLot: Sendable, Equatable {
  /// The account holding the shares.
  public var account: String
  /// The symbol.
  public var symbol: String
  /// The actual acquisition date (never the wash-adjusted one); a `lot` of this date
  /// selects these shares in the trades file.
  public var lotDate: CivilDate
  /// Shares held.
  public var shares: Shares
  /// Basis after wash-sale adjustments.
  public var basis: Money
  /// Shares × the plan date's price, rounded once.
  public var value: Money
  /// Whether a sale on the plan date would be long-term (every share of the lot).
  public var isLongTerm: Bool
  /// Days from the plan date until every share is long-term; 0 when already long-term.
  public var daysToLongTerm: Int
  /// The purchases that would wash the loss if the lot were sold in this plan.
  public var washedBy: [WashBlocker]
  /// What would let the lot be harvested when it is washed, worded for the user.
  public var fix: String?
  /// Whether the plan recommends selling it.
  public var recommended: Bool

  /// Creates a lot.
  public init(
    account: String, symbol: String, lotDate: CivilDate, shares: Shares, basis: Money,
    value: Money, isLongTerm: Bool, daysToLongTerm: Int, washedBy: [WashBlocker] = [],
    fix: String? = nil, recommended: Bool = false
  ) {
    self.account = account
    self.symbol = symbol
    self.lotDate = lotDate
    self.shares = shares
    self.basis = basis
    self.value = value
    self.isLongTerm = isLongTerm
    self.daysToLongTerm = daysToLongTerm
    self.washedBy = washedBy
    self.fix = fix
    self.recommended = recommended
  }

  /// The unrealized loss: basis − value, positive.
  public var loss: Money { basis - value }

  /// Whether selling it now would trip a wash sale.
  public var isWashed: Bool { !washedBy.isEmpty }

  /// Whether it turns long-term within the next 30 days.
  public var needsCaution: Bool { daysToLongTerm > 0 && daysToLongTerm <= 30 }
}
