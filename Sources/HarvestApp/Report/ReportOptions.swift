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
    .flag("round-dollars", "Print whole dollars on the forms."),
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

    let statusText = parsed.value("filing-status") ?? "single"
    guard let status = FilingStatus(rawValue: statusText.lowercased()) else {
      throw UsageError(
        "--filing-status: found '\(statusText)'; expected single, mfj, mfs, hoh or qss")
    }
    filingStatus = status

    taxableIncome = try ReportOptions.amount(parsed, "taxable-income", allowsNegative: true)
    shortCarryover = try ReportOptions.amount(parsed, "short-carryover", allowsNegative: false)
    longCarryover = try ReportOptions.amount(parsed, "long-carryover", allowsNegative: false)
    if priorPath != nil && (shortCarryover != nil || longCarryover != nil) {
      throw UsageError(
        "--prior supplies the carryovers; give either --prior or "
          + "--short-carryover/--long-carryover, not both")
    }

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

    let ruleText = parsed.value("holding-period") ?? "tacked"
    guard let rule = HoldingPeriodConvention(rawValue: ruleText.lowercased()) else {
      throw UsageError("--holding-period: found '\(ruleText)'; expected tacked or original")
    }
    convention = rule
    roundDollars = parsed.flag("round-dollars")
    summarizeException1 = parsed.flag("summarize-exception1")
    statement = parsed.flag("statement")
    noPDF = parsed.flag("no-pdf")
    templatesPath = parsed.value("templates")
  }

  /// The SSN as it may appear in logs and records: only the last four digits.
  var maskedSSN: String? {
    ssn.map { "***-**-" + String($0.filter(\.isNumber).suffix(4)) }
  }

  private static func amount(
    _ parsed: ParsedOptions, _ name: String, allowsNegative: Bool
  ) throws(UsageError) -> Money? {
    guard let text = parsed.value(name) else { return nil }
    let rules = DecimalText.Rules(decimals: 2, allowsDollarSign: true, limit: 100_000_000_000_000)
    guard let cents = try? DecimalText.parse(text, rules) else {
      throw UsageError("--\(name): found '\(text)'; expected an amount in dollars such as 1234.56")
    }
    if cents < 0 && !allowsNegative {
      throw UsageError(
        "--\(name): found '\(text)'; expected the size of the loss carried in as a "
          + "positive amount (5000 puts -5000.00 on the line)")
    }
    return Money(cents: cents)
  }
}
