/// Draws one composed page: its rules and text, then the footer with the page number.
struct PagePainter {
  let fonts: FontLibrary
  let context: CairoContext

  func draw(_ page: ComposedPage, number: Int, of count: Int) {
    context.setGray(0)
    for element in page.elements {
      switch element {
      case .rule(let x1, let y1, let x2, let y2, let width):
        context.setLineWidth(width)
        context.moveTo(x1, y1)
        context.lineTo(x2, y2)
        context.stroke()
      case .text(let text):
        drawText(text)
      }
    }
    let footerY = PageComposer.pageHeight - 24
    let width = PageComposer.contentWidth
    if !page.header.footer.isEmpty {
      drawText(
        PlacedText(
          text: page.header.footer, x: PageComposer.margin, y: footerY, width: width - 80,
          size: 7, style: "regular", alignment: .left))
    }
    drawText(
      PlacedText(
        text: "Page \(number) of \(count)", x: PageComposer.margin, y: footerY, width: width,
        size: 7, style: "regular", alignment: .right))
  }

  /// One text run, shrunk to its cell when too wide, never cut.
  private func drawText(_ text: PlacedText) {
    let face = fonts.face(text.style)
    let room = max(text.width - 2 * CellText.padding, 1)
    var size = text.size
    var natural = face.width(text.text, size: size)
    if natural > room {
      size = max(size * room / natural, 1)
      natural = face.width(text.text, size: size)
    }
    let left: Double
    switch text.alignment {
    case .left: left = text.x + CellText.padding
    case .center: left = text.x + (text.width - natural) / 2
    case .right: left = text.x + text.width - CellText.padding - natural
    }
    context.showText(text.text, x: left, y: text.y, face: face, size: size)
  }
}
