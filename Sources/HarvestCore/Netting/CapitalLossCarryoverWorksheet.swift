/// The Capital Loss Carryover Worksheet of the Schedule D instructions, filled with this
/// year's figures so that its lines 8 and 13 give next year's Schedule D lines 6 and 14.
///
/// The worksheet is needed only when line 16 is a loss; otherwise every line but 8 and 13 is
/// blank and nothing carries. Without taxable income, lines 1 and 3 stay blank and line 4
/// takes the whole deduction of line 2 as used (`taxableIncomeAssumed`).
public struct CapitalLossCarryoverWorksheet: Sendable, Equatable {
  /// Lines 1 to 13 at indexes 0 to 12; nil for a blank or skipped line.
  public var lines: [Money?]
  /// True when line 16 is a loss, so the worksheet must be worked.
  public var isRequired: Bool
  /// True when taxable income was not given and line 4 was set to line 2.
  public var taxableIncomeAssumed: Bool

  /// The amount on worksheet line `number` (1–13), nil when blank.
  public subscript(_ number: Int) -> Money? {
    precondition((1...13).contains(number), "the worksheet has lines 1 to 13")
    return lines[number - 1]
  }

  /// Line 8: the short-term loss carried to next year's Schedule D line 6.
  public var shortTermCarryover: Money { self[8] ?? .zero }

  /// Line 13: the long-term loss carried to next year's Schedule D line 14.
  public var longTermCarryover: Money { self[13] ?? .zero }

  /// Works the worksheet from a computed Schedule D.
  ///
  /// - Parameters:
  ///   - scheduleD: this year's Schedule D (lines 7, 15 and 21 are used).
  ///   - taxableIncome: this year's Form 1040 line 15, negative when it would be below zero
  ///     if negatives were allowed; nil when unknown.
  public init(scheduleD: ScheduleD, taxableIncome: Money?) {
    self.init(
      line7: scheduleD.amount("7") ?? .zero, line15: scheduleD.amount("15") ?? .zero,
      line21: scheduleD.amount("21") ?? .zero, taxableIncome: taxableIncome)
  }

  /// Works the worksheet from Schedule D lines 7, 15 and 21 (signed, as on the form).
  ///
  /// - Parameters:
  ///   - line7: net short-term gain or loss.
  ///   - line15: net long-term gain or loss.
  ///   - line21: the loss deducted this year (zero or negative).
  ///   - taxableIncome: Form 1040 line 15, may be negative; nil when unknown.
  public init(line7: Money, line15: Money, line21: Money, taxableIncome: Money?) {
    var lines = [Money?](repeating: nil, count: 13)
    func set(_ number: Int, _ amount: Money) { lines[number - 1] = amount }
    func get(_ number: Int) -> Money { lines[number - 1] ?? .zero }

    isRequired = (line7 + line15).isNegative
    taxableIncomeAssumed = isRequired && taxableIncome == nil
    guard isRequired else {
      set(8, .zero)
      set(13, .zero)
      self.lines = lines
      return
    }

    set(2, line21.magnitude)
    if let taxableIncome {
      set(1, taxableIncome)
      set(3, Money.max(.zero, taxableIncome + get(2)))
      set(4, Money.min(get(2), get(3)))
    } else {
      set(4, get(2))
    }

    if line7.isNegative {
      set(5, line7.magnitude)
      set(6, Money.max(.zero, line15))
      set(7, get(4) + get(6))
      set(8, Money.max(.zero, get(5) - get(7)))
    } else {
      set(5, .zero)
      set(8, .zero)
    }

    if line15.isNegative {
      set(9, line15.magnitude)
      set(10, Money.max(.zero, line7))
      set(11, Money.max(.zero, get(4) - get(5)))
      set(12, get(10) + get(11))
      set(13, Money.max(.zero, get(9) - get(12)))
    } else {
      set(13, .zero)
    }
    self.lines = lines
  }

  /// `carryover-worksheet.csv`: `line,amount`, lines 1 to 13, empty amount for a blank
  /// line; lines 8 and 13 always hold an amount.
  public var csvBytes: [UInt8] {
    var writer = CSVWriter(header: ["line", "amount"])
    for number in 1...13 {
      writer.row([String(number), self[number]?.description ?? ""])
    }
    return writer.bytes
  }
}
