/// The plan as readable text for standard output: what was realized so far, the candidate
/// lots, the recommended sales, the saving, what not to buy and the cautions.
public enum PlanTable {
  /// The whole plan as lines of text, each ending in a line break.
  public static func text(_ plan: HarvestPlan, filingStatus: FilingStatus) -> String {
    var out =
      "Tax-loss harvesting plan for sales on \(plan.date) "
      + "(filing status \(filingStatus.rawValue))\n\n"
    out += "Realized so far, carryovers included\n"
    out += aligned(
      [
        ["", "amount"],
        ["Short-term, Schedule D line 7", plan.realizedShortTerm.formatted()],
        ["Long-term, Schedule D line 15", plan.realizedLongTerm.formatted()],
        ["Net, Schedule D line 16", plan.realizedNet.formatted()],
        [
          "Target loss: line 16 + \(plan.lossLimit.formatted()) limit", plan.targetLoss.formatted(),
        ],
      ], rightAligned: [1])

    out += "\nCandidate lots (unrealized loss on wash-adjusted basis)\n"
    if plan.lots.isEmpty {
      out += "  none\n"
    } else {
      var rows = [
        [
          "account", "symbol", "lot date", "shares", "basis", "value", "loss",
          "term", "to long", "washed by", "sell",
        ]
      ]
      for lot in plan.lots {
        rows.append([
          lot.account, lot.symbol, lot.lotDate.description, lot.shares.description,
          lot.basis.formatted(), lot.value.formatted(), lot.loss.formatted(),
          lot.isLongTerm ? "long" : "short", String(lot.daysToLongTerm),
          PlanCSV.washedByText(lot), lot.recommended ? "yes" : "no",
        ])
      }
      out += aligned(rows, rightAligned: [3, 4, 5, 6, 8])
    }
    if !plan.unpricedSymbols.isEmpty {
      out +=
        "Unpriced (no price given, not considered): "
        + plan.unpricedSymbols.joined(separator: ", ") + "\n"
    }

    out += "\nRecommended sales on \(plan.date)\n"
    if plan.sales.isEmpty {
      out +=
        plan.targetLoss == .zero
        ? "  none: the net loss so far already reaches the limit\n"
        : "  none: no lot can be sold at a loss without a wash sale\n"
    }
    for sale in plan.sales {
      let which = sale.lotDate.map { "lot \($0)" } ?? "every share held"
      out +=
        "  sell \(sale.shares) \(sale.symbol) in \(sale.account) (\(which)) at "
        + "\(sale.price)\n"
    }
    out += aligned(
      [
        ["Recommended loss", plan.recommendedLoss.formatted()],
        ["  short-term", plan.recommendedShortTermLoss.formatted()],
        ["  long-term", plan.recommendedLongTermLoss.formatted()],
        ["Schedule D line 16 after the sales", plan.plannedNet.formatted()],
        ["Carried forward to next year", plan.carriedForward.formatted()],
        ["Estimated tax saved", plan.estimatedTaxSaved?.formatted() ?? "(give the rates)"],
      ], rightAligned: [1])

    if !plan.doNotBuy.isEmpty {
      out += "\nDo not buy in any account, yours, a spouse's or an IRA, before\n"
      var rows = [["symbol", "safe date", "substitute"]]
      for entry in plan.doNotBuy {
        rows.append([entry.symbol, entry.safeDate.description, entry.substitute ?? ""])
      }
      out += aligned(rows, rightAligned: [])
    }

    let washed = plan.lots.filter(\.isWashed)
    if !washed.isEmpty {
      out += "\nWashed lots (never recommended) and what would fix them\n"
      for lot in washed {
        out += "  \(lot.account) \(lot.symbol) \(lot.lotDate): \(lot.fix ?? "")\n"
      }
    }
    let cautions = plan.lots.filter(\.needsCaution)
    if !cautions.isEmpty {
      out += "\nCaution: turning long-term within 30 days\n"
      for lot in cautions {
        let day = plan.date.adding(days: lot.daysToLongTerm)
        out +=
          "  \(lot.account) \(lot.symbol) \(lot.lotDate) is long-term from \(day) "
          + "(\(lot.daysToLongTerm) days); sold before then its loss stays short-term\n"
      }
    }
    return out
  }

  private static func aligned(_ rows: [[String]], rightAligned: Set<Int>) -> String {
    var widths: [Int] = []
    for row in rows {
      for (column, cell) in row.enumerated() {
        if column >= widths.count { widths.append(0) }
        widths[column] = max(widths[column], cell.count)
      }
    }
    var out = ""
    for row in rows {
      var line = " "
      for (column, cell) in row.enumerated() {
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        line += " " + (rightAligned.contains(column) ? padding + cell : cell + padding)
      }
      while line.last == " " { line.removeLast() }
      out += line + "\n"
    }
    return out
  }
}
