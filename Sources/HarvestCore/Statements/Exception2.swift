/// When Form 8949 lists one summary row per broker and box instead of every transaction,
/// with the transactions on attached statements (Exception 2 of the Form 8949 instructions).
public enum Exception2 {
  /// The most rows one box may hold before Exception 2 applies on its own: tax software
  /// import limits sit near this figure.
  public static let automaticThreshold = 2_000

  /// The boxes holding more than `automaticThreshold` rows, in form order, with their counts.
  ///
  /// - Parameter rows: the rows that belong on Form 8949.
  /// - Returns: an empty list when every box is within the limit.
  public static func boxesOverThreshold(_ rows: [Form8949Row]) -> [(box: Form8949Box, rows: Int)] {
    // Counted by form order in an array: this runs over every row of the year.
    var counts = [Int](repeating: 0, count: Form8949Box.allCases.count)
    for row in rows { counts[row.box.formOrder] += 1 }
    return Form8949Box.allCases.sorted()
      .filter { counts[$0.formOrder] > automaticThreshold }
      .map { (box: $0, rows: counts[$0.formOrder]) }
  }

  /// Column (f) of a summary row: M and every other code the rows carry, each letter once,
  /// in alphabetical order.
  public static func summaryCode<S: Sequence>(_ rows: S) -> String where S.Element == Form8949Row {
    var letters: Set<Character> = ["M"]
    for row in rows { letters.formUnion(row.code) }
    return String(letters.sorted())
  }
}
