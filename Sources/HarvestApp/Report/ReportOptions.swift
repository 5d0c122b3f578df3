import HarvestCore

/// The options of `harvest report`, checked and converted.
struct ReportOptions {
  static let specs: [OptionSpec] = [
    .value("year", "YYYY", "Tax year to report (required)."),
    .value(
      "trades", "FILE", "Trades file: date,account,action,symbol,quantity,price,fees (required)."),
    .value(
      "accounts", "FILE",
      "Accounts file: account,kind,owner[,broker]; unlisted accounts are yours and taxable."),
    .value("identical", "FILE", "Substantially identical symbols: symbol,group."),
    .value("filing-status", "STATUS", "single (default), mfj, mfs, hoh or qss."),
    .value(
      "taxable-income", "AMOUNT",
      "Form 1040 line 15, may be negative; used by the carryover worksheet."),
    .value(
      "short-carryover", "AMOUNT",
      "Short-term loss carried in, as a positive amount (Schedule D line 6)."),
    .value(
      "long-carryover", "AMOUNT",
      "Long-term loss carried in, as a positive amount (Schedule D line 14)."),
    .value(
      "prior", "DIR", "Last year's report folder; its carryover.json supplies both carryovers."),
    .value("other", "FILE", "Other Schedule D amounts: item,amount (see README)."),
    .value(
      "out", "DIR", "Output folder (default Output/YYYY); must be new or empty unless --force."),
    .flag("force", "Replace an earlier Harvest report in the output folder."),
    .value("name", "NAME", "Name shown on the forms."),
    .value("ssn", "SSN", "SSN or TIN shown on the forms; masked everywhere else."),
    .value(
      "holding-period", "RULE",
      "Replacement shares' holding period: tacked (default) or original."),
    .flag("round-dollars", "Round every amount of the return to whole dollars."),
    .flag(
      "summarize-exception1", "Total clean box A and D sales on lines 1a and 8a (Exception 1)."),
    .flag(
      "statement", "Put one summary row per broker and box on Form 8949, details on statements."),
    .flag("no-pdf", "Write the CSV files only; no forms are drawn."),
    .value(
      "templates", "DIR", "Form templates folder (default: the Templates folder of this install)."),
  ]

  var year: Int
  var tradesPath: String
  var accountsPath: String?
  var identicalPath: String?
  var otherPath: String?
  var priorPath: String?
  var filingStatus: FilingStatus
  var taxableIncome: Money?
  var shortCarryover: Money?
  var longCarryover: Money?
  var outPath: String
  var force: Bool
  var name: String
  var ssn: String?
  var convention: HoldingPeriodConvention
  var roundDollars: Bool
  var summarizeException1: Bool
  var statement: Bool
  var noPDF: Bool
  var templatesPath: String?

  init(_ parsed: ParsedOptions) throws(UsageError) {
    let yearText = try parsed.required("year", "YYYY")
    guard yearText.count == 4, let year = Int(yearText), (1900...2200).contains(year) else {
      throw UsageError("--year: found '\(yearText)'; expected a four-digit tax year such as 2025")
    }
    self.year = year
    tradesPath = try parsed.required("trades", "FILE")
    accountsPath = parsed.value("accounts")
    identicalPath = parsed.value("identical")
    otherPath = parsed.value("other")
    priorPath = parsed.value("prior")

    filingStatus = try parsed.filingStatus()
    taxableIncome = try parsed.amount("taxable-income", allowsNegative: true)
    (shortCarryover, longCarryover) = try parsed.carryovers()

    outPath = parsed.value("out") ?? "Output/\(year)"
    force = parsed.flag("force")
    name = parsed.value("name") ?? ""
    if let ssnText = parsed.value("ssn") {
      let digits = ssnText.filter(\.isNumber)
      guard digits.count == 9, ssnText.allSatisfy({ $0.isNumber || $0 == "-" }) else {
        throw UsageError("--ssn: expected 9 digits such as 123-45-6789 or an EIN 12-3456789")
      }
      ssn = ssnText
    }

    convention = try parsed.holdingPeriod()
    roundDollars = parsed.flag("round-dollars")
    summarizeException1 = parsed.flag("summarize-exception1")
    statement = parsed.flag("statement")
    noPDF = parsed.flag("no-pdf")
    templatesPath = parsed.value("templates")
  }

  /// The SSN as it may appear in logs and records: only the last four digits.
  var maskedSSN: String? {
    ssn.map(OptionsRecord.maskSSN)
  }
}
