import CCairo

/// The drawing operations the renderer uses, each a thin wrapper over one Cairo call.
/// Coordinates are points from the page's top-left corner, as in the templates.
final class CairoContext {
  /// The Cairo context.
  let cr: OpaquePointer

  /// A context drawing onto `surface`.
  ///
  /// The corresponding C function is cairo_create.
  init(surface: OpaquePointer) throws {
    cr = cairo_create(surface)
    try check(cairo_status(cr))
  }

  deinit {
    // The corresponding C function is cairo_destroy.
    cairo_destroy(cr)
  }

  /// Throws if any drawing on this context failed.
  ///
  /// The corresponding C function is cairo_status.
  func checkStatus() throws {
    try check(cairo_status(cr))
  }

  /// Sets a gray source colour, 0 black to 1 white.
  ///
  /// The corresponding C function is cairo_set_source_rgb.
  func setGray(_ level: Double) {
    cairo_set_source_rgb(cr, level, level, level)
  }

  /// The corresponding C function is cairo_set_line_width.
  func setLineWidth(_ width: Double) {
    cairo_set_line_width(cr, width)
  }

  /// The corresponding C function is cairo_move_to.
  func moveTo(_ x: Double, _ y: Double) {
    cairo_move_to(cr, x, y)
  }

  /// The corresponding C function is cairo_line_to.
  func lineTo(_ x: Double, _ y: Double) {
    cairo_line_to(cr, x, y)
  }

  /// The corresponding C function is cairo_curve_to.
  func curveTo(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ x3: Double,
    _ y3: Double
  ) {
    cairo_curve_to(cr, x1, y1, x2, y2, x3, y3)
  }

  /// The corresponding C function is cairo_close_path.
  func closePath() {
    cairo_close_path(cr)
  }

  /// Fills the current path and keeps it for a stroke.
  ///
  /// The corresponding C function is cairo_fill_preserve.
  func fillPreserve() {
    cairo_fill_preserve(cr)
  }

  /// The corresponding C function is cairo_stroke.
  func stroke() {
    cairo_stroke(cr)
  }

  /// Forgets the current path.
  ///
  /// The corresponding C function is cairo_new_path.
  func newPath() {
    cairo_new_path(cr)
  }

  /// Paints a recorded page background at the origin.
  ///
  /// The corresponding C functions are cairo_set_source_surface and cairo_paint.
  func paint(recording: OpaquePointer) {
    cairo_set_source_surface(cr, recording, 0, 0)
    cairo_paint(cr)
  }

  /// Ends the page.
  ///
  /// The corresponding C function is cairo_show_page.
  func showPage() {
    cairo_show_page(cr)
  }

  /// Draws `text` with its baseline starting at (`x`, `y`), keeping the characters so the
  /// text can be extracted from the PDF.
  ///
  /// - Parameters:
  ///   - horizontalScale: 1 for the font's own widths, less to condense.
  ///   - outline: stroke the glyph outlines instead of filling them.
  ///
  /// The corresponding C functions are cairo_set_font_face, cairo_set_font_matrix and
  /// cairo_show_text_glyphs (or cairo_glyph_path for outlines).
  func showText(
    _ text: String, x: Double, y: Double, face: FontFace, size: Double,
    horizontalScale: Double = 1, outline: Bool = false
  ) {
    let utf8 = Array(text.utf8)
    var glyphs: [cairo_glyph_t] = []
    var clusters: [cairo_text_cluster_t] = []
    glyphs.reserveCapacity(utf8.count)
    clusters.reserveCapacity(utf8.count)
    var pen = x
    for scalar in text.unicodeScalars {
      let glyph = face.glyph(scalar)
      glyphs.append(cairo_glyph_t(index: UInt(glyph.index), x: pen, y: y))
      clusters.append(cairo_text_cluster_t(num_bytes: Int32(scalar.utf8.count), num_glyphs: 1))
      pen += glyph.advance * size * horizontalScale
    }
    var matrix = cairo_matrix_t()
    cairo_matrix_init_scale(&matrix, size * horizontalScale, size)
    cairo_set_font_face(cr, face.cairoFace)
    cairo_set_font_matrix(cr, &matrix)
    if outline {
      cairo_glyph_path(cr, glyphs, Int32(glyphs.count))
      cairo_set_line_width(cr, size / 40)
      cairo_stroke(cr)
      return
    }
    utf8.withUnsafeBufferPointer { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars in
        cairo_show_text_glyphs(
          cr, chars.baseAddress, Int32(chars.count), glyphs, Int32(glyphs.count), clusters,
          Int32(clusters.count), cairo_text_cluster_flags_t(rawValue: 0))
      }
    }
  }
}

/// A recording surface: the fixed part of a template page, drawn once and replayed on every
/// page so the PDF holds it once.
final class RecordingSurface {
  /// The Cairo surface.
  let surface: OpaquePointer

  /// An empty recording the size of a page.
  ///
  /// The corresponding C function is cairo_recording_surface_create.
  init(width: Double, height: Double) throws {
    var extents = cairo_rectangle_t(x: 0, y: 0, width: width, height: height)
    surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents)
    try check(cairo_surface_status(surface))
  }

  deinit {
    // The corresponding C function is cairo_surface_destroy.
    cairo_surface_destroy(surface)
  }
}
