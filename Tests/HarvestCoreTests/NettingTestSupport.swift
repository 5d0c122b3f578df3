import HarvestCore

/// Whole dollars as `Money`, for figures worked by hand in the netting tests.
func usd(_ dollars: Int64) -> Money { Money(dollars: dollars) }

/// One Form 8949 row with the columns Schedule D reads.
func nettingRow(
  _ box: Form8949Box, proceeds: Int64, cost: Int64, code: String = "", adjustment: Int64 = 0
) -> Form8949Row {
  Form8949Row(
    box: box, description: "100 sh XYZ",
    dateAcquired: .date(CivilDate(year: 2024, month: 3, day: 1)!),
    dateSold: CivilDate(year: 2025, month: 6, day: 2)!,
    proceeds: usd(proceeds), costBasis: usd(cost), code: code, adjustment: usd(adjustment))
}

/// Rows whose short-term total (box A) and long-term total (box D) are the given amounts.
func nettingRows(shortTerm: Int64, longTerm: Int64) -> [Form8949Row] {
  var rows: [Form8949Row] = []
  if shortTerm != 0 { rows.append(nettingRow(.a, proceeds: 50_000 + shortTerm, cost: 50_000)) }
  if longTerm != 0 { rows.append(nettingRow(.d, proceeds: 50_000 + longTerm, cost: 50_000)) }
  return rows
}
