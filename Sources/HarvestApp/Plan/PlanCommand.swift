import Foundation
import HarvestCore
import HarvestRender

/// `harvest plan`: tax-loss harvesting advice for one day, worked with the report's own lot
/// matching and wash-sale engine.
struct PlanCommand {
  static let usage = "harvest plan --trades FILE --prices FILE --date YYYY-MM-DD [options]"
  static let summary = """
    Lists the lots worth less than their wash-adjusted basis, recommends whole lots to sell
    on --date until the net capital loss reaches the deduction limit, never one a recent
    purchase would wash, and says what not to buy back and until when.
    """

  let options: PlanOptions
  let log: Log

  /// Runs the plan, prints it and writes its files; returns the exit status.
  func run() throws -> Int32 {
    try ReportArchive(folder: options.outPath, force: options.force).checkWritable()
    let (book, settings) = try loadInputs()
    let plan = try HarvestPlanner.plan(book, settings)
    for warning in plan.warnings { log.warning(warning) }

    let files = [
      ReportFile(name: "harvest-plan.csv", bytes: PlanCSV.harvestPlan(plan)),
      ReportFile(name: "do-not-buy.csv", bytes: PlanCSV.doNotBuy(plan)),
      ReportFile(name: "plan-summary.csv", bytes: PlanCSV.summary(plan)),
      ReportFile(name: "recommended-sales.csv", bytes: PlanCSV.recommendedSales(plan)),
      ReportFile(
        name: "harvest-plan.pdf",
        bytes: try HarvestPlanPDF.render(plan, filingStatus: options.filingStatus)),
    ]
    let outcome = try ReportArchive.write(files, to: options.outPath, force: options.force)
    for note in outcome.notes { log.info(note) }

    print(PlanTable.text(plan, filingStatus: options.filingStatus), terminator: "")
    log.info("\(plan.lots.count) candidate lots, \(plan.sales.count) recommended sales")
    log.info("Wrote \(outcome.files.joined(separator: ", ")) to \(options.outPath)")
    if !plan.sales.isEmpty {
      log.info(
        "recommended-sales.csv has the columns "
          + PlanCSV.salesHeader.joined(separator: ",")
          + "; append its rows under a header with the same columns once the sales are made")
    }
    return 0
  }

  private func loadInputs() throws -> (TradeBook, HarvestPlanSettings) {
    let book = try TradeFileReader.read(
      bytes: FileInput.read(options.tradesPath), file: options.tradesPath)
    log.info("Read \(book.trades.count) trades from \(options.tradesPath)")
    let prices = try PriceListReader.read(
      bytes: FileInput.read(options.pricesPath), file: options.pricesPath)
    log.info("Read \(prices.count) prices from \(options.pricesPath)")

    var settings = HarvestPlanSettings(
      date: options.date, prices: prices, filingStatus: options.filingStatus,
      convention: options.convention, ordinaryRate: options.ordinaryRate,
      longTermRate: options.longTermRate)
    if let path = options.accountsPath {
      settings.accounts = try AccountFileReader.read(bytes: FileInput.read(path), file: path)
    }
    if let path = options.identicalPath {
      settings.identicalGroups = try IdenticalGroupsReader.read(
        bytes: FileInput.read(path), file: path)
    }
    if let path = options.substitutesPath {
      settings.substitutes = try SubstitutesReader.read(
        bytes: FileInput.read(path), file: path, identicalGroups: settings.identicalGroups)
    }
    if let directory = options.priorPath {
      let (record, path, _) = try CarryoverRecord.readPrior(
        directory: directory, reportYear: options.date.year)
      for warning in record.warnings(forFilingStatus: options.filingStatus) {
        log.warning(warning)
      }
      settings.shortTermCarryover = record.shortTermCarryover
      settings.longTermCarryover = record.longTermCarryover
      log.info(
        "Carryover from \(path): short-term \(record.shortTermCarryover), "
          + "long-term \(record.longTermCarryover)")
    } else {
      settings.shortTermCarryover = options.shortCarryover ?? .zero
      settings.longTermCarryover = options.longCarryover ?? .zero
    }
    return (book, settings)
  }
}
