import CCairo

extension PDFSurface {
  /// Adds a bookmark to the document outline pointing at a page.
  ///
  /// - Parameters:
  ///   - title: the text shown in the viewer's outline.
  ///   - page: the page it opens, from 1.
  ///   - parent: the id of the parent entry, 0 for the top level.
  ///   - open: whether its children are shown when the document opens.
  /// - Returns: the entry's id, for its children.
  ///
  /// The corresponding C function is cairo_pdf_surface_add_outline.
  func addOutline(_ title: String, page: Int, parent: Int32, open: Bool) -> Int32 {
    let flags = open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(rawValue: 0)
    return cairo_pdf_surface_add_outline(surface, parent, title, "page=\(page)", flags)
  }
}
