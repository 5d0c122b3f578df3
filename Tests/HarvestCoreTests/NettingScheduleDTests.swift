import HarvestCore
import XCTest

/// Schedule D lines worked by hand from rules §2.6, §2.7, §4.1 and §5.1.
final class NettingScheduleDTests: XCTestCase {
  private func compute(
    _ rows: [Form8949Row], status: FilingStatus = .single, short: Int64 = 0, long: Int64 = 0,
    other: OtherAmounts = OtherAmounts(), exception1: Bool = false
  ) -> ScheduleD {
    ScheduleD.compute(
      ScheduleDInput(
        rows: rows, filingStatus: status, shortTermCarryover: usd(short),
        longTermCarryover: usd(long), other: other, summarizeException1: exception1))
  }

  private func assertColumns(
    _ line: ScheduleDLine?, _ proceeds: Int64, _ cost: Int64, _ adjustment: Int64?,
    _ gain: Int64, file: StaticString = #filePath, lineNumber: UInt = #line
  ) {
    XCTAssertEqual(line?.proceeds, usd(proceeds), "proceeds", file: file, line: lineNumber)
    XCTAssertEqual(line?.cost, usd(cost), "cost", file: file, line: lineNumber)
    XCTAssertEqual(
      line?.adjustment, adjustment.map(usd), "adjustment", file: file,
      line: lineNumber)
    XCTAssertEqual(line?.gainLoss, usd(gain), "gain", file: file, line: lineNumber)
  }

  /// §2.6: A/G → 1b, B/H → 2, C/I → 3, D/J → 8b, E/K → 9, F/L → 10; (h) = (d) − (e) + (g).
  func testBoxTotalsGoToTheirLines() {
    let rows = [
      nettingRow(.a, proceeds: 1_000, cost: 400),
      nettingRow(.g, proceeds: 500, cost: 700),
      nettingRow(.b, proceeds: 300, cost: 100),
      nettingRow(.h, proceeds: 200, cost: 250, code: "W", adjustment: 50),
      nettingRow(.c, proceeds: 10, cost: 0),
      nettingRow(.i, proceeds: 20, cost: 5),
      nettingRow(.d, proceeds: 6_000, cost: 2_000),
      nettingRow(.j, proceeds: 5_000, cost: 3_000),
      nettingRow(.e, proceeds: 1_000, cost: 5_000, code: "L", adjustment: 4_000),
      nettingRow(.k, proceeds: 100, cost: 50),
      // Rules §11 vector 3: the main-home row on line 10.
      nettingRow(.f, proceeds: 320_000, cost: 100_000, code: "EH", adjustment: -220_000),
      nettingRow(.l, proceeds: 70, cost: 90),
    ]
    let form = compute(rows)

    assertColumns(form["1b"], 1_500, 1_100, 0, 400)
    assertColumns(form["2"], 500, 350, 50, 200)
    assertColumns(form["3"], 30, 5, 0, 25)
    assertColumns(form["8b"], 11_000, 5_000, 0, 6_000)
    assertColumns(form["9"], 1_100, 5_050, 4_000, 50)
    assertColumns(form["10"], 320_070, 100_090, -220_000, -20)
    // Line 7: 400 + 200 + 25; line 15: 6,000 + 50 − 20; line 16: 625 + 6,030.
    XCTAssertEqual(form.amount("7"), usd(625))
    XCTAssertEqual(form.amount("15"), usd(6_030))
    XCTAssertEqual(form.amount("16"), usd(6_655))
    XCTAssertNil(form["1a"]?.gainLoss)
    XCTAssertNil(form["8a"]?.gainLoss)
  }

  func testLinesAreInFormOrder() {
    let form = compute([])
    XCTAssertEqual(
      form.lines.map(\.id),
      [
        "1a", "1b", "2", "3", "4", "5", "6", "7", "8a", "8b", "9", "10", "11", "12", "13", "14",
        "15", "16", "17", "18", "19", "20", "21", "22",
      ])
    XCTAssertNil(form["8"])
  }

  /// §4.1: the carryovers go on lines 6 and 14 as losses, never on lines 4 and 11.
  func testCarryoversGoOnLines6And14() {
    let form = compute(nettingRows(shortTerm: 1_000, longTerm: 2_500), short: 5_000, long: 2_000)

    XCTAssertEqual(form.amount("6"), usd(-5_000))
    XCTAssertEqual(form.amount("14"), usd(-2_000))
    XCTAssertNil(form.amount("4"))
    XCTAssertNil(form.amount("11"))
    // Line 7 = 1,000 − 5,000; line 15 = 2,500 − 2,000; line 16 = −4,000 + 500.
    XCTAssertEqual(form.amount("7"), usd(-4_000))
    XCTAssertEqual(form.amount("15"), usd(500))
    XCTAssertEqual(form.amount("16"), usd(-3_500))
  }

  /// §4.1 lines 4, 5, 11, 12, 13 from `--other`; they enter lines 7 and 15.
  func testOtherAmountsEnterTheirLines() {
    let other = OtherAmounts(amounts: [
      .shortTermOtherForms: usd(300), .shortTermK1: usd(-100),
      .longTermOtherForms: usd(-400), .longTermK1: usd(250), .capitalGainDistributions: usd(700),
    ])
    let form = compute(nettingRows(shortTerm: 1_000, longTerm: 0), other: other)

    XCTAssertEqual(form.amount("4"), usd(300))
    XCTAssertEqual(form.amount("5"), usd(-100))
    XCTAssertEqual(form.amount("11"), usd(-400))
    XCTAssertEqual(form.amount("12"), usd(250))
    XCTAssertEqual(form.amount("13"), usd(700))
    XCTAssertEqual(form.amount("7"), usd(1_200))  // 1,000 + 300 − 100
    XCTAssertEqual(form.amount("15"), usd(550))  // −400 + 250 + 700
    XCTAssertEqual(form.amount("16"), usd(1_750))
  }

  /// Rules §11 vector 12: line 7 (4,000), line 15 2,500 → line 16 (1,500) → line 21 (1,500).
  func testLine21TakesTheWholeLossUnderTheLimit() {
    let form = compute(nettingRows(shortTerm: -4_000, longTerm: 2_500))
    XCTAssertEqual(form.amount("16"), usd(-1_500))
    XCTAssertEqual(form.amount("21"), usd(-1_500))
    XCTAssertEqual(form.form1040Line7a, usd(-1_500))
  }

  /// §5.1: $3,000 limit for single; $1,500 for married filing separately (§11 vector 12).
  func testLine21LimitSingleAndMarriedFilingSeparately() {
    let rows = nettingRows(shortTerm: -2_000, longTerm: -3_000)
    XCTAssertEqual(compute(rows, status: .single).amount("21"), usd(-3_000))
    XCTAssertEqual(compute(rows, status: .marriedFilingJointly).amount("21"), usd(-3_000))
    XCTAssertEqual(compute(rows, status: .marriedFilingSeparately).amount("21"), usd(-1_500))
    XCTAssertEqual(compute(rows, status: .marriedFilingSeparately).amount("16"), usd(-5_000))
  }

  /// Rules §11 vector 9 (ISD-25 p. 10): LT covered sales 6,000/2,000 and 5,000/3,000 are
  /// totalled on line 8a as 11,000 / 5,000 / 6,000 when Exception 1 is used.
  func testException1TotalsOnLine8a() {
    let rows = [
      nettingRow(.d, proceeds: 6_000, cost: 2_000),
      nettingRow(.d, proceeds: 5_000, cost: 3_000),
      nettingRow(.d, proceeds: 900, cost: 1_000, code: "W", adjustment: 100),
      nettingRow(.a, proceeds: 700, cost: 500),
      nettingRow(.b, proceeds: 300, cost: 100),
    ]
    let form = compute(rows, exception1: true)

    assertColumns(form["8a"], 11_000, 5_000, nil, 6_000)
    assertColumns(form["8b"], 900, 1_000, 100, 0)
    assertColumns(form["1a"], 700, 500, nil, 200)
    assertColumns(form["1b"], 0, 0, 0, 0)
    assertColumns(form["2"], 300, 100, 0, 200)
    XCTAssertEqual(form.amount("15"), usd(6_000))
    XCTAssertEqual(form.amount("7"), usd(400))

    let listed = ScheduleD.form8949Rows(ScheduleDInput(rows: rows, summarizeException1: true))
    XCTAssertEqual(listed.map(\.box), [.d, .b])
    XCTAssertEqual(listed.first?.code, "W")
  }

  /// A box D row whose basis Harvest raised by a cross-account wash-sale loss (no code on the
  /// row itself, but a basis the broker never reported) stays on Form 8949: 8a holds only the
  /// clean 6,000 / 2,000 row, 8b the adjusted 5,000 / 3,250 one.
  func testException1LeavesAdjustedBasisOnTheForm() {
    var adjusted = nettingRow(.d, proceeds: 5_000, cost: 3_250)
    adjusted.washBasisAdded = usd(250)
    adjusted.basisNote = "wash sale"
    let rows = [nettingRow(.d, proceeds: 6_000, cost: 2_000), adjusted]
    let form = compute(rows, exception1: true)
    assertColumns(form["8a"], 6_000, 2_000, nil, 4_000)
    assertColumns(form["8b"], 5_000, 3_250, 0, 1_750)
    XCTAssertEqual(
      ScheduleD.form8949Rows(ScheduleDInput(rows: rows, summarizeException1: true)).count, 1)
  }

  /// Exception 1 is off by default: the same rows stay on line 8b and 8a is blank.
  func testException1OffByDefault() {
    let rows = [
      nettingRow(.d, proceeds: 6_000, cost: 2_000),
      nettingRow(.d, proceeds: 5_000, cost: 3_000),
    ]
    let form = compute(rows)
    XCTAssertNil(form["8a"]?.proceeds)
    XCTAssertNil(form["8a"]?.gainLoss)
    assertColumns(form["8b"], 11_000, 5_000, 0, 6_000)
    XCTAssertEqual(ScheduleD.form8949Rows(ScheduleDInput(rows: rows)).count, 2)
  }

  /// §4.1: line 16 a gain and line 15 a gain → 17 yes, 18 and 19 zero → 20 yes; 21, 22 skipped.
  func testBothGainsAnswersLines17To20() {
    let form = compute(nettingRows(shortTerm: 1_000, longTerm: 4_000))

    XCTAssertEqual(form.amount("16"), usd(5_000))
    XCTAssertEqual(form["17"]?.answer, true)
    XCTAssertEqual(form.amount("18"), usd(0))
    XCTAssertEqual(form.amount("19"), usd(0))
    XCTAssertEqual(form["20"]?.answer, true)
    XCTAssertNil(form.amount("21"), "line 21 is skipped when line 16 is a gain")
    XCTAssertNil(form["22"]?.answer)
    XCTAssertEqual(form.form1040Line7a, usd(5_000))
  }

  /// §4.1 line 20: a 28% rate gain, a section 1250 gain or Form 4952 each answer no.
  func testLine20NoWithWorksheetAmountsOrForm4952() {
    let rows = nettingRows(shortTerm: 1_000, longTerm: 4_000)

    let rate28 = compute(rows, other: OtherAmounts(amounts: [.rate28Gain: usd(500)]))
    XCTAssertEqual(rate28.amount("18"), usd(500))
    XCTAssertEqual(rate28["20"]?.answer, false)

    let s1250 = compute(rows, other: OtherAmounts(amounts: [.unrecaptured1250Gain: usd(250)]))
    XCTAssertEqual(s1250.amount("19"), usd(250))
    XCTAssertEqual(s1250["20"]?.answer, false)

    let form4952 = compute(rows, other: OtherAmounts(answers: [.form4952: true]))
    XCTAssertEqual(form4952["20"]?.answer, false)
    XCTAssertTrue(form4952.warnings.isEmpty)
  }

  /// §4.1 line 17: line 16 a gain but line 15 a loss → no; skip 18–21, answer 22.
  func testGainWithLongTermLossSkipsTo22() {
    let other = OtherAmounts(
      amounts: [.qualifiedDividends: usd(120), .rate28Gain: usd(10)],
      answers: [.qualifiedDividends: true])
    let form = compute(nettingRows(shortTerm: 5_000, longTerm: -1_000), other: other)

    XCTAssertEqual(form.amount("16"), usd(4_000))
    XCTAssertEqual(form["17"]?.answer, false)
    XCTAssertNil(form.amount("18"))
    XCTAssertNil(form.amount("19"))
    XCTAssertNil(form["20"]?.answer)
    XCTAssertNil(form.amount("21"), "line 21 is skipped when line 16 is a gain")
    XCTAssertEqual(form["22"]?.answer, true)
    XCTAssertEqual(form.warnings.count, 1)
  }

  /// §4.1 line 16 zero: skip 17–21, answer 22 (no qualified dividends given → no).
  func testZeroLine16SkipsTo22() {
    let form = compute(nettingRows(shortTerm: 1_000, longTerm: -1_000))

    XCTAssertEqual(form.amount("16"), usd(0))
    XCTAssertNil(form["17"]?.answer)
    XCTAssertNil(form.amount("18"))
    XCTAssertNil(form.amount("21"), "line 21 is skipped when line 16 is zero")
    XCTAssertEqual(form["22"]?.answer, false)
    XCTAssertEqual(form.form1040Line7a, usd(0))
  }

  /// §4.1 line 16 a loss: skip 17–20, line 21 and line 22.
  func testLossSkips17To20() {
    let other = OtherAmounts(answers: [.qualifiedDividends: true, .qofDisposed: false])
    let form = compute(nettingRows(shortTerm: -7_000, longTerm: 0), other: other)

    XCTAssertNil(form["17"]?.answer)
    XCTAssertNil(form.amount("18"))
    XCTAssertNil(form.amount("19"))
    XCTAssertNil(form["20"]?.answer)
    XCTAssertEqual(form.amount("21"), usd(-3_000))
    XCTAssertEqual(form["22"]?.answer, true)
    XCTAssertEqual(form.qofDisposed, false)
  }

  /// The CSV carries every line; skipped lines are empty; 6, 14, 21 negative.
  func testCSV() {
    let rows = [
      nettingRow(.a, proceeds: 1_000, cost: 8_000),
      nettingRow(.e, proceeds: 2_000, cost: 1_500, code: "W", adjustment: 25),
    ]
    let form = compute(rows, short: 1_000, long: 250)
    // Line 7 = −7,000 − 1,000; line 15 = 525 − 250; line 16 = −8,000 + 275 → line 21 (3,000).
    let expected = """
      line,proceeds,cost,adjustment,gain_loss,answer
      1a,,,,,
      1b,1000.00,8000.00,0.00,-7000.00,
      2,0.00,0.00,0.00,0.00,
      3,0.00,0.00,0.00,0.00,
      4,,,,,
      5,,,,,
      6,,,,-1000.00,
      7,,,,-8000.00,
      8a,,,,,
      8b,0.00,0.00,0.00,0.00,
      9,2000.00,1500.00,25.00,525.00,
      10,0.00,0.00,0.00,0.00,
      11,,,,,
      12,,,,,
      13,,,,,
      14,,,,-250.00,
      15,,,,275.00,
      16,,,,-7725.00,
      17,,,,,
      18,,,,,
      19,,,,,
      20,,,,,
      21,,,,-3000.00,
      22,,,,,no

      """
    XCTAssertEqual(String(decoding: form.csvBytes, as: UTF8.self), expected)
  }
}
