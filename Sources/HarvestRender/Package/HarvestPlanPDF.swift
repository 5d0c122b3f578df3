import HarvestCore

/// `harvest-plan.pdf`: a summary page of the tax-loss harvesting plan followed by its
/// tables (candidate lots, recommended sales, what not to buy back, cautions).
public enum HarvestPlanPDF {
  /// The plan as a PDF document.
  ///
  /// - Throws: `RenderError` when the font cannot be loaded or drawing fails.
  public static func render(_ plan: HarvestPlan, filingStatus: FilingStatus) throws -> [UInt8] {
    var composer = try PageComposer(
      header: PageHeader(
        title: "Tax-loss harvesting plan",
        fields: [
          HeaderField("Sales on", plan.date.usFormat),
          HeaderField("Filing status", filingStatus.rawValue),
        ],
        footer: "Harvesting plan for \(plan.date.usFormat): advice, not a tax form"))
    summary(plan, into: &composer)
    composer.newPage()
    tables(plan, into: &composer)
    return try PagedPDF.render(composer.pages, marks: composer.marks)
  }

  private static func summary(_ plan: HarvestPlan, into composer: inout PageComposer) {
    composer.mark("Summary")
    composer.heading("Realized so far, carryovers included")
    composer.keyValues([
      HeaderField("Short-term, Schedule D line 7", plan.realizedShortTerm.formatted()),
      HeaderField("Long-term, Schedule D line 15", plan.realizedLongTerm.formatted()),
      HeaderField("Net, Schedule D line 16", plan.realizedNet.formatted()),
      HeaderField(
        "Target loss: line 16 + \(plan.lossLimit.formatted()) limit",
        plan.targetLoss.formatted()),
    ])
    composer.heading("If the recommended sales are made")
    composer.keyValues([
      HeaderField("Recommended sales", String(plan.sales.count)),
      HeaderField("Recommended loss", plan.recommendedLoss.formatted()),
      HeaderField("  short-term", plan.recommendedShortTermLoss.formatted()),
      HeaderField("  long-term", plan.recommendedLongTermLoss.formatted()),
      HeaderField("Schedule D line 16 after the sales", plan.plannedNet.formatted()),
      HeaderField("Carried forward to next year", plan.carriedForward.formatted()),
      HeaderField(
        "Estimated tax saved",
        plan.estimatedTaxSaved?.formatted() ?? "(give the rates)"),
      HeaderField("Candidate lots", String(plan.lots.count)),
      HeaderField("Symbols not to buy back yet", String(plan.doNotBuy.count)),
    ])
    if !plan.unpricedSymbols.isEmpty {
      composer.paragraph(
        "Unpriced (no price given, not considered): "
          + plan.unpricedSymbols.joined(separator: ", "))
    }
  }

  private static func tables(_ plan: HarvestPlan, into composer: inout PageComposer) {
    composer.mark("Recommended sales")
    composer.heading("Recommended sales on \(plan.date.usFormat)")
    composer.table(
      PageTable(
        columns: [
          TableColumn("Account", width: 140, wraps: true), TableColumn("Symbol", width: 80),
          TableColumn("Lot", width: 100), TableColumn("Shares", width: 70, alignment: .right),
          TableColumn("Price", width: 70, alignment: .right),
          TableColumn.money("Proceeds", width: 80),
        ],
        rows: plan.sales.map { sale in
          [
            sale.account, sale.symbol, sale.lotDate?.usFormat ?? "every share held",
            sale.shares.description, sale.price.description, sale.proceeds.formatted(),
          ]
        },
        emptyText: plan.targetLoss == .zero
          ? "None: the net loss so far already reaches the limit."
          : "None: no lot can be sold at a loss without a wash sale."))

    composer.mark("Candidate lots")
    composer.heading("Candidate lots (unrealized loss on wash-adjusted basis)")
    var lossTotal = Money.zero
    for lot in plan.lots { lossTotal += lot.loss }
    composer.table(
      PageTable(
        columns: [
          TableColumn("Account", width: 66, wraps: true), TableColumn("Symbol", width: 40),
          TableColumn("Lot date", width: 44), TableColumn("Shares", width: 40, alignment: .right),
          TableColumn.money("Basis", width: 56), TableColumn.money("Value", width: 56),
          TableColumn.money("Loss", width: 54), TableColumn("Term", width: 28),
          TableColumn("Days to\nlong", width: 30, alignment: .right),
          TableColumn("Washed by", width: 102, wraps: true),
          TableColumn("Sell", width: 24, alignment: .center),
        ],
        rows: plan.lots.map { lot in
          [
            lot.account, lot.symbol, lot.lotDate.usFormat, lot.shares.description,
            lot.basis.formatted(), lot.value.formatted(), lot.loss.formatted(),
            lot.isLongTerm ? "long" : "short", String(lot.daysToLongTerm),
            PlanCSV.washedByText(lot), lot.recommended ? "yes" : "no",
          ]
        }, fontSize: 7,
        total: ["Total", "", "", "", "", "", lossTotal.formatted(), "", "", "", ""]))

    composer.mark("Do not buy")
    composer.heading("Do not buy in any account, yours, a spouse's or an IRA, before")
    composer.table(
      PageTable(
        columns: [
          TableColumn("Symbol", width: 120), TableColumn("Safe date", width: 120),
          TableColumn("Substitute", width: 300),
        ],
        rows: plan.doNotBuy.map {
          [$0.symbol, $0.safeDate.usFormat, $0.substitute ?? ""]
        },
        emptyText: "Nothing: no sale is recommended."))

    let washed = plan.lots.filter(\.isWashed)
    if !washed.isEmpty {
      composer.heading("Washed lots (never recommended) and what would fix them")
      for lot in washed {
        composer.paragraph("\(lot.account) \(lot.symbol) \(lot.lotDate.usFormat): \(lot.fix ?? "")")
      }
    }
    let cautions = plan.lots.filter(\.needsCaution)
    if !cautions.isEmpty {
      composer.heading("Caution: turning long-term within 30 days")
      for lot in cautions {
        let day = plan.date.adding(days: lot.daysToLongTerm)
        composer.paragraph(
          "\(lot.account) \(lot.symbol) \(lot.lotDate.usFormat) is long-term from "
            + "\(day.usFormat) (\(lot.daysToLongTerm) days); sold before then its loss stays "
            + "short-term.")
      }
    }
  }
}
