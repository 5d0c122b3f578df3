import HarvestCore

/// Draws Form 8949, Schedule D and the Capital Loss Carryover Worksheet as PDF from the
/// year's templates. The same input always gives the same bytes.
public struct PDFRenderer: Sendable {
  /// Where the year templates are read from.
  public let templates: TemplateLibrary

  /// Creates a renderer reading templates from `templates`.
  public init(templates: TemplateLibrary) {
    self.templates = templates
  }

  /// Form 8949: one series of pages per box, Part I boxes first.
  ///
  /// - Returns: the PDF document.
  /// - Throws: `RenderError` when the year has no template, a box is not on the year's
  ///   form, or drawing fails.
  public func form8949(_ document: Form8949Document) throws -> [UInt8] {
    var bytes: [UInt8] = []
    try form8949(document) { bytes.append(contentsOf: $0) }
    return bytes
  }

  /// Form 8949, handing the PDF to `write` piece by piece as it is produced, so a very large
  /// year need not be held in memory.
  public func form8949(_ document: Form8949Document, write: @escaping ([UInt8]) -> Void) throws {
    let template = try templates.templates(for: document.taxYear).form8949
    guard let grid = template.pages.first?.grid else {
      throw RenderError.badTemplate(path: "form8949.json", reason: "page 1 has no row grid")
    }
    let pages = document.pages(rowsPerPage: grid.rows)
    let boxes = Set(template.pages.flatMap { $0.checkboxes.map(\.name) })
    for box in Set(pages.map(\.box)) where !boxes.contains("box." + box.letter) {
      throw RenderError.boxNotOnForm(box: box.letter, year: document.taxYear)
    }
    try Self.render(template, pages: pages.lazy.map(document.fill), write: write)
  }

  /// Schedule D, both pages. Lines 6, 14 and 21 print the size of the loss inside the
  /// form's own parentheses; yes/no lines mark the box of their answer.
  ///
  /// - Parameters:
  ///   - lines: the lines to print; a missing line or amount is left blank.
  ///   - disposedOfOpportunityFund: the answer to the question at the top of page 1.
  public func scheduleD(
    lines: [ScheduleDLine], taxYear: Int, name: String, ssn: String,
    disposedOfOpportunityFund: Bool = false
  ) throws -> [UInt8] {
    let template = try templates.templates(for: taxYear).scheduleD
    let pages = Self.scheduleDFills(
      template, lines: lines, name: name, ssn: ssn,
      disposedOfOpportunityFund: disposedOfOpportunityFund)
    return try Self.render(template, pages: pages)
  }

  /// The filled pages of Schedule D, for `scheduleD(lines:...)` and the return package.
  static func scheduleDFills(
    _ template: FormTemplate, lines: [ScheduleDLine], name: String, ssn: String,
    disposedOfOpportunityFund: Bool
  ) -> [PageFill] {
    var fields = ["name": name, "ssn": ssn]
    var checked: Set<String> = [disposedOfOpportunityFund ? "qof.yes" : "qof.no"]
    let preprintedParentheses: Set<String> = ["6", "14", "21"]
    for line in lines {
      let columns: [(String, Money?)] = [
        ("d", line.proceeds), ("e", line.cost), ("g", line.adjustment), ("h", line.gainLoss),
      ]
      for (letter, amount) in columns {
        guard let amount else { continue }
        let printed = preprintedParentheses.contains(line.id) ? amount.magnitude : amount
        fields["\(line.id).\(letter)"] = printed.formatted()
      }
      if let answer = line.answer { checked.insert("\(line.id).\(answer ? "yes" : "no")") }
    }
    return template.pages.indices.map {
      PageFill(templatePage: $0, fields: fields, checked: checked)
    }
  }

  /// The Capital Loss Carryover Worksheet, lines 1 to 13; a nil amount is a skipped line.
  public func carryoverWorksheet(
    lines: [(line: Int, amount: Money?)], taxYear: Int,
    name: String
  ) throws -> [UInt8] {
    let template = try templates.templates(for: taxYear).carryoverWorksheet
    return try Self.render(template, pages: Self.carryoverWorksheetFills(lines, name: name))
  }

  /// The filled worksheet page, for `carryoverWorksheet(lines:...)` and the return package.
  static func carryoverWorksheetFills(
    _ lines: [(line: Int, amount: Money?)], name: String
  ) -> [PageFill] {
    var fields = ["name": name]
    for (line, amount) in lines {
      if let amount { fields["line.\(line)"] = amount.formatted() }
    }
    return [PageFill(templatePage: 0, fields: fields)]
  }

  /// Every page of a template with nothing filled in, as the visual check compares them.
  public func blank(_ template: FormTemplate) throws -> [UInt8] {
    try Self.render(template, pages: template.pages.indices.map { PageFill(templatePage: $0) })
  }

  /// Draws `pages` from `template`: the generic engine every form goes through.
  public static func render<Pages: Sequence>(
    _ template: FormTemplate, pages: Pages
  ) throws
    -> [UInt8] where Pages.Element == PageFill
  {
    var bytes: [UInt8] = []
    try render(template, pages: pages) { bytes.append(contentsOf: $0) }
    return bytes
  }

  /// Draws `pages` from `template`, handing the PDF to `write` as it is produced.
  public static func render<Pages: Sequence>(
    _ template: FormTemplate, pages: Pages, write: @escaping ([UInt8]) -> Void
  ) throws where Pages.Element == PageFill {
    let fonts = try FontLibrary.shared.get()
    let first = template.pages.first
    let surface = try PDFSurface(
      width: first?.width ?? 612, height: first?.height ?? 792,
      write: write)
    let context = try CairoContext(surface: surface.surface)
    let painter = TemplatePainter(template: template, fonts: fonts)
    for page in pages {
      guard template.pages.indices.contains(page.templatePage) else {
        throw RenderError.badTemplate(
          path: template.form, reason: "no page \(page.templatePage + 1)")
      }
      try painter.draw(page, on: context, surface: surface)
    }
    try context.checkStatus()
    try surface.finish()
  }
}
