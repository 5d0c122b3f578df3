import CCairo

/// A Cairo PDF surface writing into a byte sink instead of a file, so no path ever reaches
/// the document, with its dates pinned so the same drawing gives the same bytes.
final class PDFSurface {
  /// The creation and modification date written into every document.
  static let fixedDate = "2000-01-01T00:00:00Z"

  /// The Cairo surface.
  let surface: OpaquePointer
  private let sink: ByteSink

  /// Creates a surface whose output goes to `write`, a page of `width` × `height` points.
  ///
  /// The corresponding C function is cairo_pdf_surface_create_for_stream.
  init(width: Double, height: Double, write: @escaping ([UInt8]) -> Void) throws {
    sink = ByteSink(write: write)
    let closure = Unmanaged.passUnretained(sink).toOpaque()
    surface = cairo_pdf_surface_create_for_stream(
      { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.write(Array(UnsafeBufferPointer(start: data, count: Int(length))))
        return CAIRO_STATUS_SUCCESS
      }, closure, width, height)
    try check(cairo_surface_status(surface))
    setMetadata(CAIRO_PDF_METADATA_CREATE_DATE, Self.fixedDate)
    setMetadata(CAIRO_PDF_METADATA_MOD_DATE, Self.fixedDate)
    setMetadata(CAIRO_PDF_METADATA_CREATOR, "Harvest")
  }

  /// Sets one document information entry.
  ///
  /// The corresponding C function is cairo_pdf_surface_set_metadata.
  func setMetadata(_ key: cairo_pdf_metadata_t, _ value: String) {
    cairo_pdf_surface_set_metadata(surface, key, value)
  }

  /// Sets the size of the next page.
  ///
  /// The corresponding C function is cairo_pdf_surface_set_size.
  func setPageSize(width: Double, height: Double) {
    cairo_pdf_surface_set_size(surface, width, height)
  }

  /// Writes the rest of the document to the sink.
  ///
  /// The corresponding C function is cairo_surface_finish.
  func finish() throws {
    cairo_surface_finish(surface)
    try check(cairo_surface_status(surface))
  }

  deinit {
    // The corresponding C function is cairo_surface_destroy.
    cairo_surface_destroy(surface)
  }
}

/// Receives the document's bytes as Cairo produces them.
final class ByteSink {
  let write: ([UInt8]) -> Void

  init(write: @escaping ([UInt8]) -> Void) {
    self.write = write
  }
}

/// Throws when a Cairo status is not success.
func check(_ status: cairo_status_t) throws {
  guard status != CAIRO_STATUS_SUCCESS else { return }
  // The corresponding C function is cairo_status_to_string.
  throw RenderError.cairo(String(cString: cairo_status_to_string(status)))
}
