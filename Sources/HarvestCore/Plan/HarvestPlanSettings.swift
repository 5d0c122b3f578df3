/// Everything a tax-loss harvesting plan needs besides the trades.
public struct HarvestPlanSettings: Sendable {
  /// The day the planned sales are assumed to happen; history after it is ignored.
  public var date: CivilDate
  /// The filing status: the loss limit, and whether a spouse's lots may be harvested.
  public var filingStatus: FilingStatus
  /// Accounts by name; an account not listed is a taxable account of the filer.
  public var accounts: [String: Account]
  /// Groups of substantially identical symbols: upper-case symbol → group name.
  public var identicalGroups: [String: String]
  /// How replacement shares' holding periods are extended.
  public var convention: HoldingPeriodConvention
  /// Short-term capital loss carried in, as a positive amount (Schedule D line 6).
  public var shortTermCarryover: Money
  /// Long-term capital loss carried in, as a positive amount (Schedule D line 14).
  public var longTermCarryover: Money
  /// Closing price per share on the plan date, by upper-case symbol.
  public var prices: [String: Price]
  /// A similar but not substantially identical holding, by upper-case symbol.
  public var substitutes: [String: String]
  /// The rate on ordinary income and short-term gains, when given.
  public var ordinaryRate: TaxRate?
  /// The rate on long-term gains, when given.
  public var longTermRate: TaxRate?

  /// Creates settings; everything but the date and prices has the default of a plain run.
  public init(
    date: CivilDate, prices: [String: Price], filingStatus: FilingStatus = .single,
    accounts: [String: Account] = [:], identicalGroups: [String: String] = [:],
    convention: HoldingPeriodConvention = .tacked, shortTermCarryover: Money = .zero,
    longTermCarryover: Money = .zero, substitutes: [String: String] = [:],
    ordinaryRate: TaxRate? = nil, longTermRate: TaxRate? = nil
  ) {
    self.date = date
    self.prices = prices
    self.filingStatus = filingStatus
    self.accounts = accounts
    self.identicalGroups = identicalGroups
    self.convention = convention
    self.shortTermCarryover = shortTermCarryover
    self.longTermCarryover = longTermCarryover
    self.substitutes = substitutes
    self.ordinaryRate = ordinaryRate
    self.longTermRate = longTermRate
  }
}
