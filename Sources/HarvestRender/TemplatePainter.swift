/// Draws template pages: the fixed content of a page once into a recording, then, per
/// printed page, that recording and the page's values in their named places.
final class TemplatePainter {
  private let template: FormTemplate
  private let fonts: FontLibrary
  private var recordings: [Int: RecordingSurface] = [:]

  init(template: FormTemplate, fonts: FontLibrary) {
    self.template = template
    self.fonts = fonts
  }

  /// Draws one page of the document: the recorded fixed part, then `fill`.
  func draw(_ fill: PageFill, on context: CairoContext, surface: PDFSurface) throws {
    let page = template.pages[fill.templatePage]
    surface.setPageSize(width: page.width, height: page.height)
    context.paint(recording: try recording(of: fill.templatePage).surface)
    context.setGray(0)

    for field in page.fields {
      guard let value = fill.fields[field.name], !value.isEmpty else { continue }
      drawCell(
        value, x: field.x, y: field.y, width: field.width, height: field.height,
        align: field.align, size: field.size, on: context)
    }
    for box in page.checkboxes where fill.checked.contains(box.name) {
      drawCell(
        "X", x: box.x, y: box.y, width: box.width, height: box.height,
        align: "center", size: box.height, on: context, style: "bold", padding: 0)
    }
    if let grid = page.grid {
      for (index, row) in fill.rows.prefix(grid.rows).enumerated() {
        let top = grid.top + Double(index) * grid.pitch
        for column in grid.columns {
          guard let value = row[column.name], !value.isEmpty else { continue }
          drawCell(
            value, x: column.x, y: top + column.y, width: column.width,
            height: column.height, align: column.align, size: column.size, on: context,
            bottom: column.valign == "bottom")
        }
      }
    }
    context.showPage()
  }

  /// The fixed part of a template page, recorded on first use.
  private func recording(of index: Int) throws -> RecordingSurface {
    if let recording = recordings[index] { return recording }
    let page = template.pages[index]
    let recording = try RecordingSurface(width: page.width, height: page.height)
    let context = try CairoContext(surface: recording.surface)
    for shape in page.shapes { drawShape(shape, on: context) }
    for text in page.texts { drawStatic(text, on: context) }
    recordings[index] = recording
    return recording
  }

  private func drawShape(_ shape: TemplateShape, on context: CairoContext) {
    for command in shape.commands {
      switch command {
      case .move(let x, let y): context.moveTo(x, y)
      case .line(let x, let y): context.lineTo(x, y)
      case .curve(let x1, let y1, let x2, let y2, let x3, let y3):
        context.curveTo(x1, y1, x2, y2, x3, y3)
      case .close: context.closePath()
      }
    }
    if let fill = shape.fill {
      context.setGray(fill)
      context.fillPreserve()
    }
    if let width = shape.lineWidth {
      context.setGray(shape.gray)
      context.setLineWidth(width)
      context.stroke()
    }
    context.newPath()
  }

  private func drawStatic(_ text: TemplateText, on context: CairoContext) {
    let face = fonts.face(text.font)
    let natural = face.width(text.text, size: text.size)
    var scale = 1.0
    if let width = text.width, natural > width, width > 0 { scale = width / natural }
    let drawn = natural * scale
    var x = text.x
    switch text.align {
    case "center": x -= drawn / 2
    case "right": x -= drawn
    default: break
    }
    context.setGray(text.gray ?? 0)
    context.showText(
      text.text, x: x, y: text.y, face: face, size: text.size,
      horizontalScale: scale, outline: text.outline ?? false)
  }

  private func drawCell(
    _ value: String, x: Double, y: Double, width: Double, height: Double,
    align: String, size: Double, on context: CairoContext,
    style: String = "regular", padding: Double = CellText.padding,
    bottom: Bool = false
  ) {
    let face = fonts.face(style)
    let layout = CellText.fit(value, width: width, height: height, size: size) {
      face.width($0, size: $1)
    }
    let lineHeight = layout.size * CellText.leading
    let capHeight = layout.size * 0.7
    let block = Double(layout.lines.count - 1) * lineHeight + capHeight
    var baseline = y + (height - block) / 2 + capHeight
    if bottom {
      // The last line sits where a one-line cell of 1.5 × the size would centre it.
      let band = min(height, layout.size * 1.5)
      baseline = y + height - (band - capHeight) / 2 - block + capHeight
    }
    for line in layout.lines {
      let lineWidth = face.width(line, size: layout.size)
      let left: Double
      switch align {
      case "right": left = x + width - padding - lineWidth
      case "center": left = x + (width - lineWidth) / 2
      default: left = x + padding
      }
      context.showText(line, x: left, y: baseline, face: face, size: layout.size)
      baseline += lineHeight
    }
  }
}
