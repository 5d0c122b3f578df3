/// A symbol that must not be bought in any account of the filer or the spouse until
/// `safeDate`, because a purchase would wash a loss harvested by the plan.
public struct DoNotBuyEntry: Sendable, Equatable {
  /// The symbol harvested, or one substantially identical to it.
  public var symbol: String
  /// The first day a purchase no longer washes the plan's sales: plan date + 31.
  public var safeDate: CivilDate
  /// A similar holding to buy meanwhile, from `--substitutes`, or nil.
  public var substitute: String?

  /// Creates an entry.
  public init(symbol: String, safeDate: CivilDate, substitute: String?) {
    self.symbol = symbol
    self.safeDate = safeDate
    self.substitute = substitute
  }
}
