/// One PDF document assembled page by page from composed pages and form template pages,
/// with a bookmark outline. Everything goes onto a single Cairo surface, so page numbers
/// and outline targets are exact, and the same input always gives the same bytes.
public final class PagedPDF {
  /// Pages drawn so far.
  public private(set) var pageCount = 0

  private var bytes: [UInt8] = []
  private let fonts: FontLibrary
  private var surface: PDFSurface!
  private var context: CairoContext!
  private var painters: [String: TemplatePainter] = [:]
  private var outline: [(title: String, page: Int, level: Int, open: Bool)] = []

  /// An empty document.
  ///
  /// - Throws: `RenderError` when the font cannot be loaded or Cairo fails.
  public init() throws {
    fonts = try FontLibrary.shared.get()
    surface = try PDFSurface(
      width: PageComposer.pageWidth, height: PageComposer.pageHeight
    ) { [unowned self] in self.bytes.append(contentsOf: $0) }
    context = try CairoContext(surface: surface.surface)
  }

  /// Records an outline entry for the page drawn next (or `page`, from 1).
  ///
  /// - Parameter level: 0 for a top-level entry, 1 under the last level-0 entry, 2 under
  ///   the last level-1 entry.
  public func bookmark(_ title: String, level: Int = 0, page: Int? = nil, open: Bool = true) {
    outline.append((title, page ?? pageCount + 1, level, open))
  }

  /// Draws composed pages, numbering them `Page 1 of n` within `pages`.
  ///
  /// - Parameter outlineLevel: the level of the composer's own marks.
  public func draw(
    _ pages: [ComposedPage], marks: [PageMark] = [], outlineLevel: Int = 0
  )
    throws
  {
    let first = pageCount + 1
    for mark in marks {
      bookmark(mark.title, level: outlineLevel + mark.level, page: first + mark.page)
    }
    for (index, page) in pages.enumerated() {
      surface.setPageSize(width: PageComposer.pageWidth, height: PageComposer.pageHeight)
      PagePainter(fonts: fonts, context: context).draw(
        page, number: index + 1, of: pages.count)
      context.showPage()
      pageCount += 1
    }
    try context.checkStatus()
  }

  /// Draws filled pages of a form template, its fixed part recorded once per document.
  func draw<Fills: Sequence>(_ template: FormTemplate, fills: Fills) throws
  where Fills.Element == PageFill {
    let key = template.form + String(template.taxYear)
    let painter = painters[key] ?? TemplatePainter(template: template, fonts: fonts)
    painters[key] = painter
    for fill in fills {
      guard template.pages.indices.contains(fill.templatePage) else {
        throw RenderError.badTemplate(
          path: template.form, reason: "no page \(fill.templatePage + 1)")
      }
      try painter.draw(fill, on: context, surface: surface)
      pageCount += 1
    }
    try context.checkStatus()
  }

  /// Writes the outline, ends the document and returns its bytes.
  public func finish() throws -> [UInt8] {
    var parents: [Int32] = [0]
    for entry in outline {
      let level = min(entry.level, parents.count - 1)
      let id = surface.addOutline(
        entry.title, page: entry.page, parent: parents[level], open: entry.open)
      parents = Array(parents.prefix(level + 1)) + [id]
    }
    try context.checkStatus()
    context = nil
    try surface.finish()
    surface = nil
    return bytes
  }

  /// Composed pages as a document of their own.
  public static func render(_ pages: [ComposedPage], marks: [PageMark] = []) throws -> [UInt8] {
    let document = try PagedPDF()
    try document.draw(pages, marks: marks)
    return try document.finish()
  }
}
