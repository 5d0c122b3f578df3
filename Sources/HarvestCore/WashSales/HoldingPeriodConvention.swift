/// How the holding period of replacement shares is extended by that of the shares sold at a
/// loss (IRC 1223(3)); the IRS gives no day count, and brokers use both conventions.
public enum HoldingPeriodConvention: String, Sendable, CaseIterable {
  /// The replacement's acquisition date moves back by the whole time the sold shares were
  /// held (including any time they had tacked on themselves). The default.
  case tacked
  /// The replacement takes the sold shares' acquisition date.
  case original
}
