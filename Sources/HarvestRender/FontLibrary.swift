import CCairo

/// Liberation Sans in four faces, loaded by path through FreeType and handed to Cairo as
/// FreeType font faces, with each face's character map and advance widths read up front so
/// text can be measured and laid out without touching FreeType again.
final class FontLibrary: @unchecked Sendable {
  // Unchecked: after `init` nothing is mutated; the FreeType faces are only read by Cairo,
  // which serialises access to them through its own font-face lock.

  /// The directory of fonts-liberation2.
  static let directory = "/usr/share/fonts/truetype/liberation2"

  /// The faces, loaded once for the process.
  static let shared: Result<FontLibrary, RenderError> = Result {
    () throws(RenderError) -> FontLibrary in try FontLibrary()
  }

  private var library: FT_Library?
  private(set) var faces: [String: FontFace] = [:]

  private init() throws(RenderError) {
    guard FT_Init_FreeType(&library) == 0, let library else {
      throw RenderError.fontUnavailable(path: "FreeType")
    }
    let files = [
      "regular": "LiberationSans-Regular.ttf", "bold": "LiberationSans-Bold.ttf",
      "italic": "LiberationSans-Italic.ttf", "boldItalic": "LiberationSans-BoldItalic.ttf",
    ]
    for (style, file) in files {
      faces[style] = try FontFace(library: library, path: Self.directory + "/" + file)
    }
  }

  /// The face for a template style name; regular when the name is unknown.
  func face(_ style: String) -> FontFace {
    faces[style] ?? faces["regular"]!
  }
}

/// One font file: its Cairo face, its glyph for each character and each glyph's advance.
final class FontFace: @unchecked Sendable {
  // Unchecked: immutable after `init`; see FontLibrary.

  /// The Cairo font face over the FreeType face.
  let cairoFace: OpaquePointer
  private let glyphs: [UInt32: (index: UInt32, advance: Double)]
  private let fallback: (index: UInt32, advance: Double)

  init(library: FT_Library, path: String) throws(RenderError) {
    var face: FT_Face?
    guard FT_New_Face(library, path, 0, &face) == 0, let face else {
      throw RenderError.fontUnavailable(path: path)
    }
    let unitsPerEm = Double(face.pointee.units_per_EM)
    var table: [UInt32: (index: UInt32, advance: Double)] = [:]
    var index: FT_UInt = 0
    var code = FT_Get_First_Char(face, &index)
    while index != 0 {
      if FT_Load_Glyph(face, index, Int32(FT_LOAD_NO_SCALE)) == 0 {
        let advance = Double(face.pointee.glyph.pointee.metrics.horiAdvance) / unitsPerEm
        table[UInt32(code)] = (UInt32(index), advance)
      }
      code = FT_Get_Next_Char(face, code, &index)
    }
    glyphs = table
    fallback = table[UInt32(UInt8(ascii: "?"))] ?? (0, 0.5)
    // The corresponding C function is cairo_ft_font_face_create_for_ft_face.
    cairoFace = cairo_ft_font_face_create_for_ft_face(face, 0)
  }

  /// The glyph and the advance (in ems) of a character; `?` when the font lacks it.
  func glyph(_ scalar: Unicode.Scalar) -> (index: UInt32, advance: Double) {
    glyphs[scalar.value] ?? fallback
  }

  /// Whether the font has a glyph for the character (else it prints as `?`).
  func hasGlyph(_ scalar: Unicode.Scalar) -> Bool {
    glyphs[scalar.value] != nil || scalar.properties.isWhitespace
  }

  /// The width of `text` at `size` points.
  func width(_ text: String, size: Double) -> Double {
    var ems = 0.0
    for scalar in text.unicodeScalars { ems += glyph(scalar).advance }
    return ems * size
  }
}
