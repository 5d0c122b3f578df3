/// Everything Schedule D is computed from for one tax year.
public struct ScheduleDInput: Sendable {
  /// The Form 8949 rows of the report year, every box.
  public var rows: [Form8949Row]
  /// The return's filing status, which sets the line 21 limit.
  public var filingStatus: FilingStatus
  /// Short-term capital loss carried in (last year's worksheet line 8), as a positive
  /// magnitude; line 6 shows it as a loss.
  public var shortTermCarryover: Money
  /// Long-term capital loss carried in (last year's worksheet line 13), as a positive
  /// magnitude; line 14 shows it as a loss.
  public var longTermCarryover: Money
  /// Lines 4, 5, 11, 12, 13, 18, 19 and the yes/no answers from `--other`.
  public var other: OtherAmounts
  /// Whether rows that qualify for Exception 1 are totalled on lines 1a and 8a instead of
  /// being listed on Form 8949 (`--summarize-exception1`).
  public var summarizeException1: Bool

  /// Creates an input; everything but the rows has the default of a plain run.
  public init(
    rows: [Form8949Row], filingStatus: FilingStatus = .single,
    shortTermCarryover: Money = .zero, longTermCarryover: Money = .zero,
    other: OtherAmounts = OtherAmounts(), summarizeException1: Bool = false
  ) {
    self.rows = rows
    self.filingStatus = filingStatus
    self.shortTermCarryover = shortTermCarryover
    self.longTermCarryover = longTermCarryover
    self.other = other
    self.summarizeException1 = summarizeException1
  }
}
