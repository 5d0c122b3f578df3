/// Whole-dollar amounts for Form 8949, used when the return is prepared in whole dollars.
///
/// Columns (d) and (e) are rounded half away from zero. Column (g) is then derived so that
/// a row whose loss was fully disallowed still nets to zero: when (h) was 0 before rounding,
/// (g) becomes rounded (e) − rounded (d); otherwise (g) is rounded on its own. Column (h) is
/// always (d) − (e) + (g) of the rounded figures, and line 2 totals are added up from the
/// rounded rows so every page foots.
public enum WholeDollarRounding {
  /// The row with (d), (e) and (g) in whole dollars.
  ///
  /// - Parameter row: a row in cents.
  /// - Returns: the same row with whole-dollar amounts; (h) follows from them.
  public static func round(_ row: Form8949Row) -> Form8949Row {
    var rounded = row
    rounded.proceeds = row.proceeds.roundedToDollars
    rounded.costBasis = row.costBasis.roundedToDollars
    if row.gainLoss == .zero {
      rounded.adjustment = rounded.costBasis - rounded.proceeds
    } else {
      rounded.adjustment = row.adjustment.roundedToDollars
    }
    return rounded
  }

  /// Every row in whole dollars, in the same order.
  public static func round(_ rows: [Form8949Row]) -> [Form8949Row] {
    rows.map { round($0) }
  }
}
