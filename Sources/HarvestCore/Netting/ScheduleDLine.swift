/// One line of Schedule D (Form 1040). Lines 1a–3 and 8a–10 fill columns (d), (e), (g) and
/// (h); the other numbered lines hold a single amount in `gainLoss`; lines 17, 20 and 22 are
/// yes/no questions.
public struct ScheduleDLine: Sendable, Equatable {
  /// The line label in lower case: `1a`, `1b`, `2`, … `22`.
  public var id: String
  /// Column (d), on lines with four columns.
  public var proceeds: Money?
  /// Column (e), on lines with four columns.
  public var cost: Money?
  /// Column (g), on lines with four columns.
  public var adjustment: Money?
  /// Column (h), or the line's single amount. Negative for a loss.
  public var gainLoss: Money?
  /// The answer to a yes/no line, nil when the line is skipped.
  public var answer: Bool?

  /// Creates a line.
  public init(
    id: String, proceeds: Money? = nil, cost: Money? = nil, adjustment: Money? = nil,
    gainLoss: Money? = nil, answer: Bool? = nil
  ) {
    self.id = id
    self.proceeds = proceeds
    self.cost = cost
    self.adjustment = adjustment
    self.gainLoss = gainLoss
    self.answer = answer
  }
}
