/// Fills Schedule D one part at a time, following the form's instructions line by line.
struct ScheduleDBuilder {
  let input: ScheduleDInput
  private(set) var lines: [String: ScheduleDLine] = [:]
  private(set) var warnings: [String] = []

  init(input: ScheduleDInput) {
    self.input = input
  }

  /// Lines 1a to 7.
  mutating func fillPartI() {
    fillFormLines(exceptionLine: "1a", boxLines: ["1b", "2", "3"], longTerm: false)
    setAmount("4", input.other[.shortTermOtherForms])
    setAmount("5", input.other[.shortTermK1])
    setAmount("6", -input.shortTermCarryover)
    setAmount("7", columnHTotal(["1a", "1b", "2", "3", "4", "5", "6"]))
  }

  /// Lines 8a to 15.
  mutating func fillPartII() {
    fillFormLines(exceptionLine: "8a", boxLines: ["8b", "9", "10"], longTerm: true)
    setAmount("11", input.other[.longTermOtherForms])
    setAmount("12", input.other[.longTermK1])
    setAmount("13", input.other[.capitalGainDistributions])
    setAmount("14", -input.longTermCarryover)
    setAmount("15", columnHTotal(["8a", "8b", "9", "10", "11", "12", "13", "14"]))
  }

  /// Lines 16 to 22, taking the branches the form's questions give.
  mutating func fillPartIII() {
    let line15 = lines["15"]?.gainLoss ?? .zero
    let line16 = (lines["7"]?.gainLoss ?? .zero) + line15
    setAmount("16", line16)

    var usedWorksheetAmounts = false
    if line16 > .zero {
      // Line 17: are lines 15 and 16 both gains?
      let bothGains = line15 > .zero
      setAnswer("17", bothGains)
      if bothGains {
        let rate28 = input.other[.rate28Gain] ?? .zero
        let section1250 = input.other[.unrecaptured1250Gain] ?? .zero
        setAmount("18", rate28)
        setAmount("19", section1250)
        let files4952 = input.other.answer(.form4952) ?? false
        setAnswer("20", rate28 == .zero && section1250 == .zero && !files4952)
        usedWorksheetAmounts = true
      } else {
        answerLine22()
      }
    } else {
      if line16.isNegative {
        let limit = input.filingStatus.capitalLossLimit
        setAmount("21", -Money.min(line16.magnitude, limit))
      }
      answerLine22()
    }

    if !usedWorksheetAmounts {
      for item in [OtherAmountItem.rate28Gain, .unrecaptured1250Gain, .form4952]
      where input.other[item] != nil || input.other.answer(item) != nil {
        warnings.append(
          "\(item.rawValue) is not used: Schedule D skips line "
            + "\(item.scheduleDLine ?? "") unless lines 15 and 16 are both gains")
      }
    }
  }

  /// Line 22 asks whether Form 1040 line 3a holds qualified dividends. With nothing given,
  /// Harvest answers no and says so, since it cannot know.
  private mutating func answerLine22() {
    guard let answer = input.other.answer(.qualifiedDividends) else {
      warnings.append(
        "Schedule D line 22 is answered no: no qualified dividends were given; if Form 1040 "
          + "line 3a has any, give --other with qualified_dividends")
      setAnswer("22", false)
      return
    }
    setAnswer("22", answer)
  }

  private mutating func fillFormLines(exceptionLine: String, boxLines: [String], longTerm: Bool) {
    var exception = Form8949Totals()
    var exceptionRows = 0
    // Totalled by box in an array first: this runs over every row of the year.
    var byBox = [Form8949Totals](repeating: Form8949Totals(), count: Form8949Box.allCases.count)
    for index in input.rows.indices where input.rows[index].box.isLongTerm == longTerm {
      if input.summarizeException1 && ScheduleD.qualifiesForException1(input.rows[index]) {
        exception.add(input.rows[index])
        exceptionRows += 1
      } else {
        byBox[input.rows[index].box.formOrder].add(input.rows[index])
      }
    }
    var boxTotals: [String: Form8949Totals] = [:]
    for box in Form8949Box.allCases where box.isLongTerm == longTerm {
      boxTotals[box.scheduleDLine, default: Form8949Totals()].add(byBox[box.formOrder])
    }

    // Column (g) is shaded on lines 1a and 8a: rows there have no adjustment.
    if exceptionRows > 0 {
      lines[exceptionLine] = ScheduleDLine(
        id: exceptionLine, proceeds: exception.proceeds, cost: exception.costBasis,
        gainLoss: exception.gainLoss)
    }
    for id in boxLines {
      let totals = boxTotals[id] ?? Form8949Totals()
      lines[id] = ScheduleDLine(
        id: id, proceeds: totals.proceeds, cost: totals.costBasis,
        adjustment: totals.adjustment, gainLoss: totals.gainLoss)
    }
  }

  private func columnHTotal(_ ids: [String]) -> Money {
    var total = Money.zero
    for id in ids { total += lines[id]?.gainLoss ?? .zero }
    return total
  }

  private mutating func setAmount(_ id: String, _ amount: Money?) {
    guard let amount else { return }
    lines[id] = ScheduleDLine(id: id, gainLoss: amount)
  }

  private mutating func setAnswer(_ id: String, _ answer: Bool) {
    lines[id] = ScheduleDLine(id: id, answer: answer)
  }
}
