import HarvestCore
import XCTest

/// The Capital Loss Carryover Worksheet (rules §5.2), worked from a full Schedule D.
final class NettingCarryoverWorksheetTests: XCTestCase {
  private func work(
    status: FilingStatus = .single, taxableIncome: Int64?, shortTerm: Int64, longTerm: Int64
  ) -> (ScheduleD, CapitalLossCarryoverWorksheet) {
    let form = ScheduleD.compute(
      ScheduleDInput(
        rows: nettingRows(shortTerm: shortTerm, longTerm: longTerm), filingStatus: status))
    return (
      form,
      CapitalLossCarryoverWorksheet(
        scheduleD: form, taxableIncome: taxableIncome.map(usd))
    )
  }

  private func amounts(_ sheet: CapitalLossCarryoverWorksheet) -> [Int64?] {
    (1...13).map { number in sheet[number].map { $0.cents / 100 } }
  }

  /// Every row of the table in rules §5.5: TI, SD7, SD15 → SD16, SD21, L3, L4, ST, LT.
  func testSection55Examples() {
    struct Case {
      var name: String, status: FilingStatus, ti: Int64, sd7: Int64, sd15: Int64
      var sd16: Int64, sd21: Int64, l3: Int64, l4: Int64, st: Int64, lt: Int64
    }
    let cases = [
      Case(
        name: "B&S all ST", status: .marriedFilingJointly, ti: 26_000, sd7: -7_000, sd15: 0,
        sd16: -7_000, sd21: -3_000, l3: 29_000, l4: 3_000, st: 4_000, lt: 0),
      Case(
        name: "B&S all LT", status: .marriedFilingJointly, ti: 26_000, sd7: 0, sd15: -7_000,
        sd16: -7_000, sd21: -3_000, l3: 29_000, l4: 3_000, st: 0, lt: 4_000),
      Case(
        name: "both losses", status: .single, ti: 40_000, sd7: -4_000, sd15: -2_500,
        sd16: -6_500, sd21: -3_000, l3: 43_000, l4: 3_000, st: 1_000, lt: 2_500),
      Case(
        name: "ST gain, LT loss", status: .single, ti: 50_000, sd7: 1_000, sd15: -6_000,
        sd16: -5_000, sd21: -3_000, l3: 53_000, l4: 3_000, st: 0, lt: 2_000),
      Case(
        name: "ST loss, LT gain", status: .single, ti: 60_000, sd7: -9_000, sd15: 2_000,
        sd16: -7_000, sd21: -3_000, l3: 63_000, l4: 3_000, st: 4_000, lt: 0),
      Case(
        name: "negative TI", status: .single, ti: -1_000, sd7: -2_000, sd15: -8_000,
        sd16: -10_000, sd21: -3_000, l3: 2_000, l4: 2_000, st: 0, lt: 8_000),
      Case(
        name: "TI exactly 0", status: .single, ti: 0, sd7: -5_000, sd15: -5_000,
        sd16: -10_000, sd21: -3_000, l3: 3_000, l4: 3_000, st: 2_000, lt: 5_000),
      Case(
        name: "MFS, LT only", status: .marriedFilingSeparately, ti: 30_000, sd7: 0,
        sd15: -2_000, sd16: -2_000, sd21: -1_500, l3: 31_500, l4: 1_500, st: 0, lt: 500),
    ]
    for example in cases {
      let (form, sheet) = work(
        status: example.status, taxableIncome: example.ti,
        shortTerm: example.sd7, longTerm: example.sd15)
      XCTAssertEqual(form.amount("7"), usd(example.sd7), example.name)
      XCTAssertEqual(form.amount("15"), usd(example.sd15), example.name)
      XCTAssertEqual(form.amount("16"), usd(example.sd16), example.name)
      XCTAssertEqual(form.amount("21"), usd(example.sd21), example.name)
      XCTAssertEqual(sheet[1], usd(example.ti), example.name)
      XCTAssertEqual(sheet[3], usd(example.l3), example.name)
      XCTAssertEqual(sheet[4], usd(example.l4), example.name)
      XCTAssertEqual(sheet.shortTermCarryover, usd(example.st), example.name)
      XCTAssertEqual(sheet.longTermCarryover, usd(example.lt), example.name)
      XCTAssertTrue(sheet.isRequired, example.name)
      XCTAssertFalse(sheet.taxableIncomeAssumed, example.name)
    }
  }

  /// Negative TI (§5.5, §11 vector 14), every line: (1,000), 3,000, 2,000, 2,000; ST part
  /// 2,000 − (2,000 + 0) = 0; LT part 8,000 − (0 + max(0, 2,000 − 2,000)) = 8,000.
  func testNegativeTaxableIncomeEveryLine() {
    let (_, sheet) = work(taxableIncome: -1_000, shortTerm: -2_000, longTerm: -8_000)
    XCTAssertEqual(
      amounts(sheet),
      [-1_000, 3_000, 2_000, 2_000, 2_000, 0, 2_000, 0, 8_000, 0, 0, 0, 8_000])
  }

  /// ST gain, LT loss (§5.5): line 5 is zero and 6–7 are skipped; 9–13 are worked.
  func testShortTermGainSkipsLines6And7() {
    let (_, sheet) = work(taxableIncome: 50_000, shortTerm: 1_000, longTerm: -6_000)
    XCTAssertEqual(
      amounts(sheet),
      [
        50_000, 3_000, 53_000, 3_000, 0, nil, nil, 0, 6_000, 1_000, 3_000, 4_000,
        2_000,
      ])
  }

  /// Pub. 550 p. 102 (§5.4, §11 vector 13): Bob and Shelly, MFJ, $7,000 net loss, taxable
  /// income $26,000 → deduct $3,000, carry $4,000; with a $2,000 loss → deduct $2,000, carry 0.
  func testPub550BobAndShelly() {
    let (form, sheet) = work(
      status: .marriedFilingJointly, taxableIncome: 26_000,
      shortTerm: -7_000, longTerm: 0)
    XCTAssertEqual(form.amount("21"), usd(-3_000))
    XCTAssertEqual(sheet.shortTermCarryover + sheet.longTermCarryover, usd(4_000))

    let (small, smallSheet) = work(
      status: .marriedFilingJointly, taxableIncome: 26_000,
      shortTerm: -2_000, longTerm: 0)
    XCTAssertEqual(small.amount("21"), usd(-2_000))
    XCTAssertEqual(smallSheet.shortTermCarryover, usd(0))
    XCTAssertEqual(smallSheet.longTermCarryover, usd(0))
    // L2 2,000, L3 28,000, L4 2,000, L5 2,000, L6 0, L7 2,000 → L8 0.
    XCTAssertEqual(
      amounts(smallSheet),
      [26_000, 2_000, 28_000, 2_000, 2_000, 0, 2_000, 0, nil, nil, nil, nil, 0])
  }

  /// Without taxable income: lines 1 and 3 blank, line 4 = line 2, and the assumption flagged.
  func testWithoutTaxableIncome() {
    let (_, sheet) = work(taxableIncome: nil, shortTerm: -7_000, longTerm: 0)
    XCTAssertTrue(sheet.taxableIncomeAssumed)
    XCTAssertEqual(
      amounts(sheet),
      [nil, 3_000, nil, 3_000, 7_000, 0, 3_000, 4_000, nil, nil, nil, nil, 0])
  }

  /// Line 16 not a loss: the worksheet is not needed; only lines 8 and 13 show 0.00.
  func testNoNetLossCarriesNothing() {
    let (_, sheet) = work(taxableIncome: nil, shortTerm: -1_000, longTerm: 1_000)
    XCTAssertFalse(sheet.isRequired)
    XCTAssertFalse(sheet.taxableIncomeAssumed)
    XCTAssertEqual(
      amounts(sheet),
      [nil, nil, nil, nil, nil, nil, nil, 0, nil, nil, nil, nil, 0])
  }

  /// B&S all ST as CSV: `line,amount`, skipped lines empty, line 13 present at 0.00.
  func testCSV() {
    let (_, sheet) = work(
      status: .marriedFilingJointly, taxableIncome: 26_000,
      shortTerm: -7_000, longTerm: 0)
    let expected = """
      line,amount
      1,26000.00
      2,3000.00
      3,29000.00
      4,3000.00
      5,7000.00
      6,0.00
      7,3000.00
      8,4000.00
      9,
      10,
      11,
      12,
      13,0.00

      """
    XCTAssertEqual(String(decoding: sheet.csvBytes, as: UTF8.self), expected)
  }

  /// A carryover brought in on lines 6 and 14 flows through to next year's split (§5.1: the
  /// carried loss keeps its character). ST 500 gain with a 2,000 ST carryover → line 7
  /// (1,500); LT 1,000 loss with a 3,000 LT carryover → line 15 (4,000); TI 20,000: L4 3,000,
  /// ST carry max(0, 1,500 − 3,000) = 0; LT carry 4,000 − (0 + 3,000 − 1,500) = 2,500.
  func testCarryoverInKeepsItsCharacter() {
    let form = ScheduleD.compute(
      ScheduleDInput(
        rows: nettingRows(shortTerm: 500, longTerm: -1_000), shortTermCarryover: usd(2_000),
        longTermCarryover: usd(3_000)))
    let sheet = CapitalLossCarryoverWorksheet(scheduleD: form, taxableIncome: usd(20_000))
    XCTAssertEqual(form.amount("7"), usd(-1_500))
    XCTAssertEqual(form.amount("15"), usd(-4_000))
    XCTAssertEqual(sheet.shortTermCarryover, usd(0))
    XCTAssertEqual(sheet.longTermCarryover, usd(2_500))
  }
}
