/// A tax-loss harvesting plan for one day: what has been realized so far this year, which
/// lots could be sold at a loss, which of them to sell, and what not to buy afterwards.
public struct HarvestPlan: Sendable {
  /// The day the sales are planned for.
  public var date: CivilDate
  /// Schedule D line 7 so far: net short-term gain or loss, carryover included.
  public var realizedShortTerm: Money
  /// Schedule D line 15 so far: net long-term gain or loss, carryover included.
  public var realizedLongTerm: Money
  /// Schedule D line 16 so far.
  public var realizedNet: Money
  /// The capital loss deductible against other income: $3,000, $1,500 for mfs.
  public var lossLimit: Money
  /// The loss worth harvesting: max(0, line 16 so far + the loss limit).
  public var targetLoss: Money
  /// Every open lot in a harvestable taxable account with an unrealized loss, in
  /// recommendation order for those recommended, then by account, symbol and date.
  public var lots: [CandidateLot]
  /// Symbols held in harvestable accounts that `--prices` does not price.
  public var unpricedSymbols: [String]
  /// The recommended sales, as trades-file rows.
  public var sales: [PlannedSale]
  /// The short-term loss the recommended sales realize (positive), as the report will show.
  public var recommendedShortTermLoss: Money
  /// The long-term loss the recommended sales realize (positive), as the report will show.
  public var recommendedLongTermLoss: Money
  /// Schedule D line 7 after the plan's sales.
  public var plannedShortTerm: Money
  /// Schedule D line 15 after the plan's sales.
  public var plannedLongTerm: Money
  /// The tax the sales save at the given rates, nil when a rate they need was not given.
  public var estimatedTaxSaved: Money?
  /// Net capital loss beyond the limit after the plan, carried to next year (positive).
  public var carriedForward: Money
  /// Symbols not to buy back, with their first safe date.
  public var doNotBuy: [DoNotBuyEntry]
  /// Things the user should know: trades after the plan date ignored, unpriced symbols.
  public var warnings: [String]

  /// The loss the recommended sales realize (positive).
  public var recommendedLoss: Money { recommendedShortTermLoss + recommendedLongTermLoss }

  /// Schedule D line 16 after the plan's sales.
  public var plannedNet: Money { plannedShortTerm + plannedLongTerm }
}
