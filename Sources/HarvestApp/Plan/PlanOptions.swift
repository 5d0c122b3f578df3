import HarvestCore

/// The options of `harvest plan`, checked and converted.
struct PlanOptions {
  static let specs: [OptionSpec] = [
    .value(
      "trades", "FILE",
      "Trades file: date,account,action,symbol,quantity,price,fees (required)."),
    .value(
      "accounts", "FILE",
      "Accounts file: account,kind,owner[,broker]; unlisted accounts are yours and taxable."),
    .value("identical", "FILE", "Substantially identical symbols: symbol,group."),
    .value("prices", "FILE", "Closing prices on --date: symbol,price (required)."),
    .value(
      "date", "YYYY-MM-DD",
      "The day the sales would happen (required); later trades are ignored."),
    .value("filing-status", "STATUS", "single (default), mfj, mfs, hoh or qss."),
    .value(
      "prior", "DIR",
      "Last year's report folder; its carryover.json supplies both carryovers."),
    .value("short-carryover", "AMOUNT", "Short-term loss carried in, as a positive amount."),
    .value("long-carryover", "AMOUNT", "Long-term loss carried in, as a positive amount."),
    .value("ordinary-rate", "PCT", "Marginal rate on ordinary income, such as 24."),
    .value("long-term-rate", "PCT", "Rate on long-term gains, such as 15."),
    .value("substitutes", "FILE", "Similar but not identical holdings: symbol,substitute."),
    .value(
      "holding-period", "RULE",
      "Replacement shares' holding period: tacked (default) or original."),
    .value(
      "out", "DIR",
      "Output folder (default Output/plan-DATE); must be new or empty unless --force."),
    .flag("force", "Replace an earlier Harvest plan in the output folder."),
  ]

  var tradesPath: String
  var accountsPath: String?
  var identicalPath: String?
  var pricesPath: String
  var substitutesPath: String?
  var priorPath: String?
  var date: CivilDate
  var filingStatus: FilingStatus
  var shortCarryover: Money?
  var longCarryover: Money?
  var ordinaryRate: TaxRate?
  var longTermRate: TaxRate?
  var convention: HoldingPeriodConvention
  var outPath: String
  var force: Bool

  init(_ parsed: ParsedOptions) throws(UsageError) {
    tradesPath = try parsed.required("trades", "FILE")
    pricesPath = try parsed.required("prices", "FILE")
    let dateText = try parsed.required("date", "YYYY-MM-DD")
    guard let date = CivilDate(iso: dateText) else {
      throw UsageError("--date: found '\(dateText)'; expected a real date written YYYY-MM-DD")
    }
    self.date = date
    accountsPath = parsed.value("accounts")
    identicalPath = parsed.value("identical")
    substitutesPath = parsed.value("substitutes")
    priorPath = parsed.value("prior")

    filingStatus = try parsed.filingStatus()

    (shortCarryover, longCarryover) = try parsed.carryovers()
    ordinaryRate = try PlanOptions.rate(parsed, "ordinary-rate")
    longTermRate = try PlanOptions.rate(parsed, "long-term-rate")

    convention = try parsed.holdingPeriod()
    outPath = parsed.value("out") ?? "Output/plan-\(date)"
    force = parsed.flag("force")
  }

  private static func rate(_ parsed: ParsedOptions, _ name: String) throws(UsageError) -> TaxRate? {
    guard let text = parsed.value(name) else { return nil }
    guard let rate = TaxRate(percent: text) else {
      throw UsageError(
        "--\(name): found '\(text)'; expected a percentage from 0 to 100 "
          + "with at most two decimals, such as 24")
    }
    return rate
  }
}
