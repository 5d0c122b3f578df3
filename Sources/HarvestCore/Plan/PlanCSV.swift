/// The plan's CSV files, with the headers the command's documentation gives.
public enum PlanCSV {
  /// `harvest-plan.csv`: one row per candidate lot.
  public static func harvestPlan(_ plan: HarvestPlan) -> [UInt8] {
    var writer = CSVWriter(header: [
      "account", "symbol", "lot_date", "shares", "basis", "value", "loss", "term",
      "days_to_long_term", "washed_by", "recommended",
    ])
    for lot in plan.lots {
      writer.userRow([
        lot.account, lot.symbol, lot.lotDate.description, lot.shares.description,
        lot.basis.description, lot.value.description, lot.loss.description,
        lot.isLongTerm ? "long" : "short", String(lot.daysToLongTerm),
        washedByText(lot), lot.recommended ? "yes" : "no",
      ])
    }
    return writer.bytes
  }

  /// The blocking purchases of a lot as `ACCOUNT DATE`, with the symbol when it differs
  /// from the lot's, separated by `; `; empty when none.
  public static func washedByText(_ lot: CandidateLot) -> String {
    lot.washedBy.map { blocker in
      blocker.symbol == lot.symbol
        ? "\(blocker.account) \(blocker.date)"
        : "\(blocker.account) \(blocker.symbol) \(blocker.date)"
    }.joined(separator: "; ")
  }

  /// `do-not-buy.csv`: `symbol,safe_date,substitute`.
  public static func doNotBuy(_ plan: HarvestPlan) -> [UInt8] {
    var writer = CSVWriter(header: ["symbol", "safe_date", "substitute"])
    for entry in plan.doNotBuy {
      writer.userRow([entry.symbol, entry.safeDate.description, entry.substitute ?? ""])
    }
    return writer.bytes
  }

  /// `plan-summary.csv`: `item,amount`; `estimated_tax_saved` is empty without rates.
  public static func summary(_ plan: HarvestPlan) -> [UInt8] {
    var writer = CSVWriter(header: ["item", "amount"])
    writer.row(["realized_short_term", plan.realizedShortTerm.description])
    writer.row(["realized_long_term", plan.realizedLongTerm.description])
    writer.row(["recommended_loss", plan.recommendedLoss.description])
    writer.row(["estimated_tax_saved", plan.estimatedTaxSaved?.description ?? ""])
    writer.row(["carried_forward", plan.carriedForward.description])
    return writer.bytes
  }

  /// The header of `recommended-sales.csv`: the trades file's mandatory columns and `lot`.
  public static let salesHeader = [
    "date", "account", "action", "symbol", "quantity", "price", "fees", "lot",
  ]

  /// `recommended-sales.csv`: the sales as trades-file rows, ready to append.
  ///
  /// Fields are written as they are, never prefixed against spreadsheet formulas, because
  /// the rows must read back into the same account and symbol names.
  /// A digital asset's sale adds an `asset` column, which its trades file has too.
  public static func recommendedSales(_ plan: HarvestPlan) -> [UInt8] {
    let withAsset = plan.sales.contains { $0.asset != .security }
    var writer = CSVWriter(header: salesHeader + (withAsset ? ["asset"] : []))
    for sale in plan.sales {
      var fields = [
        sale.date.description, sale.account, "sell", sale.symbol, sale.shares.description,
        sale.price.description, "0.00", sale.lotDate?.description ?? "",
      ]
      if withAsset { fields.append(sale.asset.rawValue) }
      writer.row(fields)
    }
    return writer.bytes
  }
}
