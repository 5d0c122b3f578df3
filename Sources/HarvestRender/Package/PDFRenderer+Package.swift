import HarvestCore

extension PDFRenderer {
  /// The part of the package filed with the return.
  public static let filedPart = "File with your return"
  /// The part of the package kept by the taxpayer.
  public static let keptPart = "Keep for your records"

  /// Form 8949 as filed: every transaction, or under Exception 2 the summary rows.
  ///
  /// - Throws: `RenderError` when the year has no template, a box is not on the year's
  ///   form, or drawing fails.
  public func form8949(_ package: ReturnPackage) throws -> [UInt8] {
    guard package.exception2 != nil else { return try form8949(package.form8949Document) }
    let document = try PagedPDF()
    try drawForm8949(package, on: document, bookmarks: false)
    return try document.finish()
  }

  /// The statements attached to Form 8949 (`statements.pdf`): the Exception 2 transaction
  /// lists and the explanation of basis; nil when the return needs neither.
  public func statements(_ package: ReturnPackage) throws -> [UInt8]? {
    guard let composer = try StatementPages.compose(package) else { return nil }
    return try PagedPDF.render(composer.pages, marks: composer.marks)
  }

  /// `return-package.pdf`: Schedule D, Form 8949 and the statements to file, then the cover
  /// sheet, carryover worksheet, wash-sale detail and deferred losses to keep, with an
  /// outline entry per part and per document.
  public func returnPackage(_ package: ReturnPackage) throws -> [UInt8] {
    try assemble(package).bytes
  }

  /// Where each document sits in `returnPackage(_:)`.
  public func packageSections(_ package: ReturnPackage) throws -> [PackageSection] {
    try assemble(package).sections
  }

  private func assemble(
    _ package: ReturnPackage
  ) throws
    -> (bytes: [UInt8], sections: [PackageSection])
  {
    let year = try templates.templates(for: package.taxYear)
    let scheduleD = Self.scheduleDFills(
      year.scheduleD, lines: package.scheduleD.lines, name: package.name, ssn: package.ssn,
      disposedOfOpportunityFund: package.scheduleD.qofDisposed ?? false)
    let worksheet = Self.carryoverWorksheetFills(
      (1...13).map { (line: $0, amount: package.worksheet[$0]) }, name: package.name)
    let form8949Pages = try form8949PageCount(package, template: year.form8949)
    let statements = try StatementPages.compose(package)
    let washSales = try RecordsPages.washSales(package)
    let deferred = try RecordsPages.deferredLosses(package)

    var sections: [PackageSection] = []
    var next = 1
    func add(_ part: String, _ title: String, _ count: Int) {
      sections.append(PackageSection(part: part, title: title, firstPage: next, pageCount: count))
      next += count
    }
    add(Self.filedPart, "Schedule D (Form 1040)", scheduleD.count)
    add(Self.filedPart, "Form 8949", form8949Pages)
    if let statements {
      add(
        Self.filedPart, "Statements attached to Form 8949",
        statements.pages.count)
    }
    let coverIndex = sections.count
    add(Self.keptPart, "Cover sheet", 1)
    add(Self.keptPart, "Capital Loss Carryover Worksheet", worksheet.count)
    add(Self.keptPart, "Wash-sale detail", washSales.pages.count)
    add(Self.keptPart, "Deferred losses", deferred.pages.count)
    let cover = try coverComposer(package, sections: &sections, coverIndex: coverIndex)

    let document = try PagedPDF()
    document.bookmark(Self.filedPart)
    document.bookmark("Schedule D (Form 1040)", level: 1)
    try document.draw(year.scheduleD, fills: scheduleD)
    try drawForm8949(package, on: document, bookmarks: true)
    if let statements {
      try document.draw(statements.pages, marks: statements.marks, outlineLevel: 1)
    }
    document.bookmark(Self.keptPart)
    document.bookmark("Cover sheet", level: 1)
    try document.draw(cover.pages)
    document.bookmark("Capital Loss Carryover Worksheet", level: 1)
    try document.draw(year.carryoverWorksheet, fills: worksheet)
    document.bookmark("Wash-sale detail", level: 1)
    try document.draw(washSales.pages)
    document.bookmark("Deferred losses", level: 1)
    try document.draw(deferred.pages)
    return (try document.finish(), sections)
  }

  /// The cover, laid out again if it does not fit the one page the contents assumed.
  private func coverComposer(
    _ package: ReturnPackage, sections: inout [PackageSection], coverIndex: Int
  ) throws -> PageComposer {
    while true {
      let entries = sections.map {
        RecordsPages.Entry(
          part: $0.part, title: $0.title, firstPage: $0.firstPage, pageCount: $0.pageCount)
      }
      let cover = try RecordsPages.cover(package, contents: entries)
      let difference = cover.pages.count - sections[coverIndex].pageCount
      if difference == 0 { return cover }
      sections[coverIndex].pageCount = cover.pages.count
      for index in (coverIndex + 1)..<sections.count { sections[index].firstPage += difference }
    }
  }

  private func form8949PageCount(
    _ package: ReturnPackage, template: FormTemplate
  ) throws
    -> Int
  {
    let rowsPerPage = try Self.rowsPerPage(template)
    if let statement = package.exception2 {
      return Form8949SummaryFill.fills(
        statement.summaryRows, name: package.name, ssn: package.ssn, rowsPerPage: rowsPerPage,
        wholeDollars: package.wholeDollars
      ).count
    }
    return package.form8949Document.pages(rowsPerPage: rowsPerPage).count
  }

  /// Draws Form 8949, with an outline entry for each box's first page when asked.
  private func drawForm8949(
    _ package: ReturnPackage, on document: PagedPDF, bookmarks: Bool
  )
    throws
  {
    let template = try templates.templates(for: package.taxYear).form8949
    let rowsPerPage = try Self.rowsPerPage(template)
    var pages: [(box: Form8949Box, fill: PageFill)]
    if let statement = package.exception2 {
      pages = Form8949SummaryFill.fills(
        statement.summaryRows, name: package.name, ssn: package.ssn, rowsPerPage: rowsPerPage,
        wholeDollars: package.wholeDollars)
    } else {
      let document = package.form8949Document
      pages = document.pages(rowsPerPage: rowsPerPage).map { ($0.box, document.fill($0)) }
    }
    let boxes = Set(template.pages.flatMap { $0.checkboxes.map(\.name) })
    for box in Set(pages.map(\.box)) where !boxes.contains("box." + box.letter) {
      throw RenderError.boxNotOnForm(box: box.letter, year: package.taxYear)
    }
    if bookmarks { document.bookmark("Form 8949", level: 1) }
    var previous: Form8949Box?
    for page in pages {
      if bookmarks, page.box != previous {
        let part = page.box.isLongTerm ? "Part II" : "Part I"
        document.bookmark("\(part), box \(page.box.letter)", level: 2, open: false)
      }
      previous = page.box
      try document.draw(template, fills: [page.fill])
    }
  }

  private static func rowsPerPage(_ template: FormTemplate) throws -> Int {
    guard let grid = template.pages.first?.grid else {
      throw RenderError.badTemplate(path: "form8949.json", reason: "page 1 has no row grid")
    }
    return grid.rows
  }
}
