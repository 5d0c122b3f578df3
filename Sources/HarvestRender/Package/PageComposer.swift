/// Lays out free pages on US Letter: a header block on every page, headings, paragraphs,
/// labelled amounts and tables that break across pages with their column headings repeated
/// and optional page totals. Nothing is drawn here; `PagedPDF` draws the result.
public struct PageComposer {
  /// Page width in points (US Letter).
  public static let pageWidth = 612.0
  /// Page height in points.
  public static let pageHeight = 792.0
  /// Left and right margin.
  public static let margin = 36.0
  /// The width between the margins.
  public static let contentWidth = pageWidth - 2 * margin
  /// The lowest point body content may reach; the footer sits below.
  static let bodyBottom = pageHeight - 44

  /// The header of pages started from now on.
  public var header: PageHeader
  /// The pages laid out so far.
  public private(set) var pages: [ComposedPage] = []
  /// The outline entries recorded so far.
  public private(set) var marks: [PageMark] = []

  let fonts: FontLibrary
  private var open = false
  private var cursor = 0.0
  private var pendingMarks: [(title: String, level: Int)] = []

  /// A composer with no pages yet.
  ///
  /// - Throws: `RenderError.fontUnavailable` when Liberation Sans cannot be loaded.
  public init(header: PageHeader) throws {
    self.header = header
    self.fonts = try FontLibrary.shared.get()
  }

  /// Ends the current page; the next content starts a new one with the current header.
  public mutating func newPage() {
    open = false
  }

  /// Records an outline entry pointing at the page the next content lands on.
  public mutating func mark(_ title: String, level: Int = 0) {
    pendingMarks.append((title, level))
  }

  /// A bold heading, kept on the same page as at least a few lines after it.
  public mutating func heading(_ text: String) {
    room(for: 40)
    if cursor > top { cursor += 6 }
    cursor += 12
    place(text, x: Self.margin, width: Self.contentWidth, size: 10.5, style: "bold")
    cursor += 6
  }

  /// Text wrapped to the width of the page.
  public mutating func paragraph(_ text: String, size: Double = 9) {
    let lines = wrap(text, width: Self.contentWidth, size: size, style: "regular")
    for line in lines {
      room(for: size * 1.35)
      cursor += size * 1.35
      place(line, x: Self.margin, width: Self.contentWidth, size: size, style: "regular")
    }
    cursor += size * 0.6
  }

  /// Labels on the left with values right-aligned in a column, as on a summary sheet.
  public mutating func keyValues(_ pairs: [HeaderField], size: Double = 9) {
    for pair in pairs {
      let pitch = size * 1.55
      room(for: pitch)
      cursor += pitch
      place(pair.label, x: Self.margin, width: 380, size: size, style: "regular")
      place(
        pair.value, x: Self.margin + 380, width: Self.contentWidth - 380, size: size,
        style: "regular", alignment: .right)
    }
    cursor += size * 0.6
  }

  /// Lays out `table`, breaking pages as needed.
  ///
  /// - Returns: the indexes of the rows on each page the table spans, in order.
  @discardableResult
  public mutating func table(_ table: PageTable) -> [Range<Int>] {
    let size = table.fontSize
    let pitch = size * 1.5
    let heights = table.rows.map { rowHeight($0, table) }
    let headingHeight = headingHeight(table)
    let totalReserve = table.pageTotal == nil ? 0 : pitch + 2

    if table.rows.isEmpty {
      room(for: headingHeight + pitch)
      drawHeadings(table)
      paragraph(table.emptyText, size: size)
      if let total = table.total { drawTotal(total, table) }
      return []
    }

    var slices: [Range<Int>] = []
    var index = 0
    while index < table.rows.count {
      room(for: headingHeight + heights[index] + totalReserve)
      drawHeadings(table)
      let start = index
      while index < table.rows.count {
        var needed = heights[index] + totalReserve
        if index == table.rows.count - 1, table.total != nil { needed += pitch + 2 }
        if cursor + needed > Self.bodyBottom && index > start { break }
        drawRow(table.rows[index], table, height: heights[index])
        index += 1
      }
      slices.append(start..<index)
      if let pageTotal = table.pageTotal {
        drawTotal(pageTotal(start..<index), table)
      }
      if index < table.rows.count { newPage() }
    }
    if let total = table.total { drawTotal(total, table) }
    cursor += 6
    return slices
  }

  // MARK: - Layout

  private var top: Double {
    let rows = (header.fields.count + 1) / 2
    return 66 + Double(rows) * 12 + 4
  }

  /// Starts a page when none is open or the current one lacks `height` points.
  private mutating func room(for height: Double) {
    if open && cursor + height <= Self.bodyBottom { return }
    if open && cursor <= top { return }
    startPage()
  }

  private mutating func startPage() {
    pages.append(ComposedPage(header: header))
    open = true
    place(
      header.title, x: Self.margin, baseline: 50, width: Self.contentWidth, size: 12.5,
      style: "bold")
    for (index, field) in header.fields.enumerated() {
      let x = index % 2 == 0 ? Self.margin : Self.margin + Self.contentWidth / 2
      let y = 66 + Double(index / 2) * 12
      place(field.label, x: x, baseline: y, width: 78, size: 7.5, style: "bold")
      place(
        field.value, x: x + 78, baseline: y, width: Self.contentWidth / 2 - 84, size: 8.5,
        style: "regular")
    }
    let ruleY = top - 2
    addRule(Self.margin, ruleY, Self.margin + Self.contentWidth, ruleY, width: 0.8)
    cursor = top
  }

  private mutating func place(
    _ text: String, x: Double, width: Double, size: Double, style: String,
    alignment: CellAlignment = .left
  ) {
    place(
      text, x: x, baseline: cursor, width: width, size: size, style: style,
      alignment: alignment)
  }

  private mutating func place(
    _ text: String, x: Double, baseline: Double, width: Double, size: Double, style: String,
    alignment: CellAlignment = .left
  ) {
    if !open { startPage() }
    for mark in pendingMarks {
      marks.append(PageMark(title: mark.title, page: pages.count - 1, level: mark.level))
    }
    pendingMarks = []
    guard !text.isEmpty else { return }
    pages[pages.count - 1].elements.append(
      .text(
        PlacedText(
          text: text, x: x, y: baseline, width: width, size: size, style: style,
          alignment: alignment)))
  }

  private mutating func addRule(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double,
    width: Double
  ) {
    pages[pages.count - 1].elements.append(.rule(x1: x1, y1: y1, x2: x2, y2: y2, width: width))
  }

  // MARK: - Tables

  private func headingHeight(_ table: PageTable) -> Double {
    let lines = table.columns.map { $0.title.split(separator: "\n").count }.max() ?? 1
    return Double(lines) * table.fontSize * 1.2 + 6
  }

  private func rowHeight(_ cells: [String], _ table: PageTable) -> Double {
    var lines = 1
    for (column, cell) in zip(table.columns, cells) where column.wraps {
      lines = max(
        lines,
        wrap(
          cell, width: column.width - 3, size: table.fontSize,
          style: "regular"
        ).count)
    }
    return table.fontSize * 1.5 + Double(lines - 1) * table.fontSize * 1.15
  }

  private mutating func drawHeadings(_ table: PageTable) {
    let size = table.fontSize
    let height = headingHeight(table)
    let lineCount = table.columns.map { $0.title.split(separator: "\n").count }.max() ?? 1
    var x = Self.margin
    for column in table.columns {
      let lines = column.title.split(separator: "\n").map(String.init)
      // Headings sit on the bottom line, as on the form's grid.
      var baseline = cursor + Double(lineCount - lines.count + 1) * size * 1.2
      for line in lines {
        place(
          line, x: x, baseline: baseline, width: column.width, size: size, style: "bold",
          alignment: column.alignment == .left ? .left : .center)
        baseline += size * 1.2
      }
      x += column.width
    }
    cursor += height
    let right = Self.margin + table.columns.reduce(0) { $0 + $1.width }
    addRule(Self.margin, cursor - 3, right, cursor - 3, width: 0.6)
  }

  private mutating func drawRow(_ cells: [String], _ table: PageTable, height: Double) {
    let size = table.fontSize
    let firstBaseline = cursor + size * 1.15
    var x = Self.margin
    for (column, cell) in zip(table.columns, cells) {
      let lines =
        column.wraps
        ? wrap(cell, width: column.width - 3, size: size, style: "regular") : [cell]
      var baseline = firstBaseline
      for line in lines {
        place(
          line, x: x, baseline: baseline, width: column.width, size: size,
          style: "regular", alignment: column.alignment)
        baseline += size * 1.15
      }
      x += column.width
    }
    cursor += height
  }

  private mutating func drawTotal(_ cells: [String], _ table: PageTable) {
    let size = table.fontSize
    let right = Self.margin + table.columns.reduce(0) { $0 + $1.width }
    addRule(Self.margin, cursor + 1, right, cursor + 1, width: 0.4)
    cursor += 2
    var x = Self.margin
    for (column, cell) in zip(table.columns, cells) {
      place(
        cell, x: x, baseline: cursor + size * 1.15, width: column.width, size: size,
        style: "bold", alignment: column.alignment)
      x += column.width
    }
    cursor += size * 1.5
  }

  /// Greedy line breaking at spaces; a word wider than the line is left whole for the
  /// painter to shrink, so no text is ever cut.
  func wrap(_ text: String, width: Double, size: Double, style: String) -> [String] {
    let face = fonts.face(style)
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      if current.isEmpty || face.width(candidate, size: size) <= width {
        current = candidate
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    lines.append(current)
    return lines
  }
}
