/// Schedule D (Form 1040), Parts I, II and III, computed from the year's Form 8949 rows,
/// the carryovers and the amounts of `--other`.
///
/// Lines that the form's flow skips have no amount (and no answer). Lines 1b, 2, 3, 6, 7,
/// 8b, 9, 10, 14, 15, 16 and 21 always have one, zero when nothing applies.
public struct ScheduleD: Sendable, Equatable {
  /// Every line of the form in form order, `1a` to `22`.
  public var lines: [ScheduleDLine]
  /// The filing status the line 21 limit was taken from.
  public var filingStatus: FilingStatus
  /// The answer to the qualified-opportunity-fund question at the top of the form, nil when
  /// `--other` does not give it.
  public var qofDisposed: Bool?
  /// Inputs that were given but the form's flow does not use, worded for the user.
  public var warnings: [String]

  /// The labels of Schedule D's lines in form order.
  public static let lineIDs = [
    "1a", "1b", "2", "3", "4", "5", "6", "7",
    "8a", "8b", "9", "10", "11", "12", "13", "14", "15",
    "16", "17", "18", "19", "20", "21", "22",
  ]

  /// The line labelled `id` (`"1a"`, `"16"`), or nil for a label the form does not have.
  public subscript(_ id: String) -> ScheduleDLine? {
    lines.first { $0.id == id }
  }

  /// The single amount (column (h)) of line `id`, or nil when the line is blank.
  public func amount(_ id: String) -> Money? { self[id]?.gainLoss }

  /// Form 1040 line 7a: line 16 when it is a gain, line 21 when it is a loss, else zero.
  public var form1040Line7a: Money {
    let line16 = amount("16") ?? .zero
    if line16 > .zero { return line16 }
    return line16.isNegative ? (amount("21") ?? .zero) : .zero
  }

  /// Whether a row may be left off Form 8949 and totalled on line 1a or 8a (Exception 1):
  /// basis reported to the IRS on Form 1099-B (box A or D) or Form 1099-DA (box G or J),
  /// no code in column (f) and no adjustment in column (g).
  public static func qualifiesForException1(_ row: Form8949Row) -> Bool {
    switch row.box {
    case .a, .d, .g, .j:
      // The broker's basis and dates must be right as reported: no code, no adjustment, and
      // no basis Harvest changed (a wash-sale loss added from another account or an identical
      // symbol, a tacked holding period, a lot transferred in or inherited).
      return row.code.isEmpty && row.adjustment == .zero && row.washBasisAdded == .zero
        && row.basisNote.isEmpty && row.washSource == nil
    default: return false
    }
  }

  /// The rows that belong on Form 8949: all of them, or, with Exception 1, those that do
  /// not qualify for it.
  public static func form8949Rows(_ input: ScheduleDInput) -> [Form8949Row] {
    guard input.summarizeException1 else { return input.rows }
    return input.rows.filter { !qualifiesForException1($0) }
  }

  /// Computes every line of the form.
  ///
  /// - Parameter input: the year's rows, carryovers, other amounts and filing status.
  /// - Returns: the form, lines in form order.
  public static func compute(_ input: ScheduleDInput) -> ScheduleD {
    var builder = ScheduleDBuilder(input: input)
    builder.fillPartI()
    builder.fillPartII()
    builder.fillPartIII()
    return ScheduleD(
      lines: lineIDs.map { builder.lines[$0] ?? ScheduleDLine(id: $0) },
      filingStatus: input.filingStatus,
      qofDisposed: input.other.answer(.qofDisposed),
      warnings: builder.warnings)
  }
}
