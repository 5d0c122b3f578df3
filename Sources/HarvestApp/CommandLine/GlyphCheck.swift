import HarvestCore
import HarvestRender

/// Text that goes onto a form in a character Liberation Sans cannot draw prints as `?`; the
/// user is told which characters, and where, instead of finding out from the printout.
enum GlyphCheck {
  /// One warning per kind of text that holds characters the forms cannot print.
  static func warnings(name: String, rows: [Form8949Row]) -> [String] {
    var warnings: [String] = []
    if let missing = try? PDFRenderer.unprintableCharacters(in: name), !missing.isEmpty {
      warnings.append(
        "the name contains " + quoted(missing) + ", which the forms' font cannot print; "
          + "it appears as ? on the PDF forms")
    }
    var seen: Set<String> = []
    var texts: [String] = []
    for row in rows where !seen.contains(row.customDescription ?? row.symbol) {
      let text = row.customDescription ?? row.symbol
      seen.insert(text)
      texts.append(text)
    }
    var missing: [Character] = []
    for text in texts {
      for character in (try? PDFRenderer.unprintableCharacters(in: text)) ?? []
      where !missing.contains(character) {
        missing.append(character)
      }
    }
    if !missing.isEmpty {
      warnings.append(
        "descriptions or symbols contain " + quoted(missing) + ", which the forms' font "
          + "cannot print; they appear as ? on the PDF forms (the CSV files keep them)")
    }
    return warnings
  }

  private static func quoted(_ characters: [Character]) -> String {
    characters.prefix(10).map { "'\($0)'" }.joined(separator: ", ")
  }
}
