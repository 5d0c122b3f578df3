import Foundation
import HarvestCore
import HarvestRender

/// `harvest report`: reads a trades file and writes one tax year's Form 8949, Schedule D,
/// carryover worksheet and wash-sale detail into an archive folder.
struct ReportCommand {
  static let usage = "harvest report --year YYYY --trades FILE [options]"
  static let summary = """
    Writes a filing-ready capital-gains package for one tax year: Form 8949 and Schedule D as
    CSV and PDF, wash-sale detail across every account, the capital loss carryover worksheet
    and a carryover.json for next year's --prior.
    """

  let options: ReportOptions
  let log: Log

  /// Runs the report and returns the exit status.
  func run() throws -> Int32 {
    var clock = PhaseClock()
    try ReportArchive(folder: options.outPath, force: options.force).checkWritable()
    let inputs = try InputFiles.load(options, log: log)
    clock.lap("read inputs")
    let report = try YearReportBuilder.build(
      inputs.book,
      YearReportBuilder.Options(
        taxYear: options.year, filingStatus: options.filingStatus, accounts: inputs.accounts,
        identicalGroups: inputs.identicalGroups, convention: options.convention))
    clock.lap("lots, wash sales and rows")
    for warning in report.warnings { log.warning(warning) }

    // Whole-dollar returns round every amount (I8949 and ISD "Rounding off to whole
    // dollars"): the rows first, and Schedule D adds the rounded rows, so the forms foot.
    let whole = options.roundDollars
    let yearRows = whole ? WholeDollarRounding.round(report.rows) : report.rows
    let carryIn =
      whole
      ? (inputs.carryIn.short.roundedToDollars, inputs.carryIn.long.roundedToDollars)
      : inputs.carryIn
    var other = inputs.other
    if whole { other.amounts = other.amounts.mapValues(\.roundedToDollars) }
    let taxableIncome = whole ? options.taxableIncome?.roundedToDollars : options.taxableIncome
    let scheduleInput = ScheduleDInput(
      rows: yearRows, filingStatus: options.filingStatus,
      shortTermCarryover: carryIn.0, longTermCarryover: carryIn.1,
      other: other, summarizeException1: options.summarizeException1)
    let formRows = ScheduleD.form8949Rows(scheduleInput)

    // The files that only read the rows are prepared on the other core while Schedule D is
    // added up on this one.
    let boxesOverThreshold = Exception2.boxesOverThreshold(formRows)
    let useException2 = options.statement || !boxesOverThreshold.isEmpty
    let accounts = inputs.accounts
    let wholeDollars = options.roundDollars
    let summaryCSV =
      useException2
      ? BackgroundWork {
        Exception2Statement.summaryCSV(
          rows: formRows, accounts: accounts, wholeDollars: wholeDollars)
      } : nil
    let washSales = report.washSales
    let largeFiles = BackgroundWork {
      ReportCommand.largeCSVFiles(formRows, washSales: washSales)
    }

    let scheduleD = ScheduleD.compute(scheduleInput)
    for warning in scheduleD.warnings { log.warning(warning) }
    let worksheet = CapitalLossCarryoverWorksheet(
      scheduleD: scheduleD, taxableIncome: taxableIncome)
    if worksheet.taxableIncomeAssumed {
      log.warning(
        "no --taxable-income given: the carryover worksheet assumes the whole "
          + "deduction on line 21 was used (line 4 = line 2); carryover.json records this")
    }

    clock.lap("Schedule D and worksheet")
    var files = ReportFileList()
    files.add("schedule-d.csv", scheduleD.csvBytes)
    files.add("carryover-worksheet.csv", worksheet.csvBytes)
    files.add("deferred-losses.csv", ReportCSV.deferredLosses(report.deferredLosses))
    if !options.statement { warnAboutException2(boxesOverThreshold) }
    if let summaryCSV { files.add("form8949-summary.csv", summaryCSV.result) }
    let streamed = largeFiles.result
    let record = CarryoverRecord(
      taxYear: options.year, scheduleD: scheduleD, worksheet: worksheet,
      taxableIncome: taxableIncome)
    files.add(CarryoverRecord.fileName, try record.jsonBytes())
    files.add(InputChecksums.fileName, inputs.checksums.manifestBytes)
    files.add(OptionsRecord.fileName, optionsRecord().jsonBytes, private: !options.name.isEmpty)

    clock.lap("small CSV files")
    if options.noPDF {
      log.info("--no-pdf: no forms were drawn; the CSV files hold every figure")
    } else {
      let package = ReturnPackage(
        taxYear: options.year, name: options.name, ssn: options.ssn ?? "",
        coverID: options.maskedSSN ?? "", rows: formRows, wholeDollars: options.roundDollars,
        useException2: useException2, accounts: inputs.accounts, scheduleD: scheduleD,
        worksheet: worksheet, washSales: report.washSales,
        deferredLosses: report.deferredLosses)
      try drawForms(into: &files, package: package)
    }

    clock.lap("forms")
    let outcome = try ReportArchive.write(
      files.files, streamed: streamed, to: options.outPath, force: options.force)
    clock.lap("large CSV files and the archive written")
    for note in outcome.notes { log.info(note) }
    summarize(formRows, scheduleD: scheduleD, worksheet: worksheet, written: outcome.files)
    return 0
  }

  /// The files that grow with the number of trades, made while the archive writes them so
  /// that none sits whole in memory.
  private static func largeCSVFiles(
    _ rows: [Form8949Row], washSales: [WashSaleRow]
  ) -> [StreamedReportFile] {
    // The basis statement first: it takes longest.
    var files: [StreamedReportFile] = []
    if rows.contains(where: BasisStatement.explains) {
      files.append(
        StreamedReportFile(
          name: "basis-statement.csv",
          table: BasisStatement.csvTable(rows: rows, washSales: washSales)))
    }
    files.append(StreamedReportFile(name: "form8949.csv", table: ReportCSV.form8949Table(rows)))
    files.append(
      StreamedReportFile(name: "wash-sales.csv", table: ReportCSV.washSalesTable(washSales)))
    return files
  }

  /// Announces on standard error that Exception 2 applies because these boxes hold more
  /// rows than tax software imports (nothing when `large` is empty).
  private func warnAboutException2(_ large: [(box: Form8949Box, rows: Int)]) {
    guard !large.isEmpty else { return }
    let boxes = large.map { "box \($0.box.letter) has \($0.rows) rows" }
    log.warning(
      boxes.joined(separator: ", ") + ", more than "
        + "\(Exception2.automaticThreshold) in one box: Form 8949 lists one summary row per "
        + "broker and box (Exception 2, code M) and every transaction goes on the attached "
        + "statements; form8949.csv still lists every transaction")
  }

  private func drawForms(into files: inout ReportFileList, package: ReturnPackage) throws {
    let library = TemplateLibrary(directory: try TemplateLocator.directory(options.templatesPath))
    guard library.availableYears.contains(options.year) else {
      let years = library.availableYears.map(String.init).joined(separator: ", ")
      throw UsageError(
        "no form templates for \(options.year); templates exist for \(years). "
          + "Use --no-pdf to write the CSV files without forms")
    }
    if let warning = library.draftWarning(options.year) { log.warning(warning) }
    for warning in GlyphCheck.warnings(name: options.name, rows: package.rows) {
      log.warning(warning)
    }
    let renderer = PDFRenderer(templates: library)
    let ssn = package.ssn
    let worksheet = package.worksheet
    files.add("form8949.pdf", try renderer.form8949(package), private: true)
    files.add(
      "schedule-d.pdf",
      try renderer.scheduleD(
        lines: package.scheduleD.lines, taxYear: options.year, name: options.name, ssn: ssn),
      private: true)
    if let statements = try renderer.statements(package) {
      files.add("statements.pdf", statements, private: true)
    }
    let worksheetLines = (1...13).map { (line: $0, amount: worksheet[$0]) }
    files.add(
      "carryover-worksheet.pdf",
      try renderer.carryoverWorksheet(
        lines: worksheetLines, taxYear: options.year, name: options.name), private: true)
    files.add("return-package.pdf", try renderer.returnPackage(package), private: true)
  }

  /// The options used, for the archive; the record masks the SSN.
  private func optionsRecord() -> OptionsRecord {
    var entries: [String: String] = [
      "year": String(options.year), "trades": options.tradesPath,
      "filing-status": options.filingStatus.rawValue,
      "holding-period": options.convention.rawValue, "out": options.outPath,
    ]
    entries["accounts"] = options.accountsPath
    entries["identical"] = options.identicalPath
    entries["other"] = options.otherPath
    entries["prior"] = options.priorPath
    entries["taxable-income"] = options.taxableIncome?.description
    entries["short-carryover"] = options.shortCarryover?.description
    entries["long-carryover"] = options.longCarryover?.description
    entries["name"] = options.name.isEmpty ? nil : options.name
    entries["ssn"] = options.ssn
    for (flag, on) in [
      ("round-dollars", options.roundDollars),
      ("summarize-exception1", options.summarizeException1),
      ("statement", options.statement), ("no-pdf", options.noPDF),
    ] where on {
      entries[flag] = "true"
    }
    return OptionsRecord(entries)
  }

  private func summarize(
    _ rows: [Form8949Row], scheduleD: ScheduleD, worksheet: CapitalLossCarryoverWorksheet,
    written: [String]
  ) {
    var counts = [Int](repeating: 0, count: Form8949Box.allCases.count)
    for row in rows { counts[row.box.formOrder] += 1 }
    let boxes = Form8949Box.allCases.sorted().filter { counts[$0.formOrder] > 0 }
      .map { "\($0.letter) \(counts[$0.formOrder])" }
    log.info("Form 8949 rows by box: " + (boxes.isEmpty ? "none" : boxes.joined(separator: ", ")))
    log.info("Net short-term (Schedule D line 7): \(scheduleD.amount("7") ?? .zero)")
    log.info("Net long-term (Schedule D line 15): \(scheduleD.amount("15") ?? .zero)")
    if let line21 = scheduleD.amount("21") { log.info("Deductible loss (line 21): \(line21)") }
    log.info(
      "Carryover to \(options.year + 1): short-term \(worksheet.shortTermCarryover), "
        + "long-term \(worksheet.longTermCarryover)")
    log.info(
      "Wrote \(written.count) files to \(options.outPath): "
        + written.joined(separator: ", "))
  }
}
