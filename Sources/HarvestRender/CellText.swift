/// Fits a value into a cell: on one line at the preferred size when it fits, otherwise
/// wrapped onto as many lines as the cell's height allows, otherwise smaller, down to a
/// size at which it always fits. Text is never cut.
struct CellText: Equatable {
  /// The lines, top first.
  var lines: [String]
  /// The font size they are drawn at.
  var size: Double

  /// Space kept between text and the cell's left and right edges.
  static let padding = 1.5
  /// Baseline-to-baseline distance as a multiple of the size.
  static let leading = 1.1

  /// Lays `text` out in a cell of `width` × `height` points.
  static func fit(
    _ text: String, width: Double, height: Double, size preferred: Double,
    measure: (String, Double) -> Double
  ) -> CellText {
    let room = max(width - 2 * padding, 1)
    var size = preferred
    while true {
      if measure(text, size) <= room || size <= 1 { return CellText(lines: [text], size: size) }
      let capacity = Int((height - 1) / (size * leading))
      if capacity >= 2, let lines = wrap(text, into: capacity, room: room, size: size, measure) {
        return CellText(lines: lines, size: size)
      }
      size -= 0.25
    }
  }

  /// Greedy line breaking at spaces, breaking inside a word only when the word alone is too
  /// wide; nil when more than `capacity` lines are needed.
  private static func wrap(
    _ text: String, into capacity: Int, room: Double, size: Double,
    _ measure: (String, Double) -> Double
  ) -> [String]? {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      if measure(candidate, size) <= room {
        current = candidate
        continue
      }
      if !current.isEmpty { lines.append(current) }
      current = ""
      for character in word {
        let longer = current + String(character)
        if measure(longer, size) > room && !current.isEmpty {
          lines.append(current)
          current = String(character)
        } else {
          current = longer
        }
      }
      if lines.count >= capacity { return nil }
    }
    if !current.isEmpty { lines.append(current) }
    return lines.count <= capacity ? lines : nil
  }
}
