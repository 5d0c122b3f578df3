extension PDFRenderer {
  /// The characters of `text` that Liberation Sans cannot draw; they print as `?` on the
  /// forms, so the report names them rather than letting a name change silently.
  ///
  /// - Throws: `RenderError.fontUnavailable` when the fonts are not installed.
  public static func unprintableCharacters(in text: String) throws -> [Character] {
    let library = try FontLibrary.shared.get()
    let face = library.face("regular")
    var missing: [Character] = []
    for character in text where !character.unicodeScalars.allSatisfy(face.hasGlyph) {
      if !missing.contains(character) { missing.append(character) }
    }
    return missing
  }
}
