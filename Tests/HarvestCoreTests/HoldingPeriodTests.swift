import HarvestCore
import XCTest

/// Holding-period edges from the Form 8949 instructions, Pub. 550 and Rev. Rul. 66-7's
/// month-end reading (rules digest §6).
final class HoldingPeriodTests: XCTestCase {
  private func isLongTerm(_ bought: String, _ sold: String) -> Bool {
    HoldingStart.date(date(bought)).isLongTerm(soldOn: date(sold))
  }

  func testSoldOnTheAnniversaryIsShortTermAndTheDayAfterLongTerm() {
    XCTAssertFalse(isLongTerm("2024-03-15", "2025-03-15"))
    XCTAssertTrue(isLongTerm("2024-03-15", "2025-03-16"))
  }

  func testLeapDayPurchaseHasItsAnniversaryOnFebruary28() {
    XCTAssertFalse(isLongTerm("2024-02-29", "2025-02-28"))
    XCTAssertTrue(isLongTerm("2024-02-29", "2025-03-01"))
  }

  func testLastDayOfFebruaryInACommonYearReachesTheLeapDay() {
    XCTAssertFalse(isLongTerm("2023-02-28", "2024-02-29"))
    XCTAssertTrue(isLongTerm("2023-02-28", "2024-03-01"))
    XCTAssertFalse(isLongTerm("2027-02-28", "2028-02-29"))
    XCTAssertTrue(isLongTerm("2027-02-28", "2028-03-01"))
  }

  func testPublication550Examples() {
    XCTAssertFalse(isLongTerm("2024-01-31", "2025-01-29"))
    XCTAssertTrue(isLongTerm("2024-01-31", "2025-02-06"))
    XCTAssertFalse(isLongTerm("2024-06-17", "2025-06-17"))
    XCTAssertTrue(isLongTerm("2024-06-17", "2025-06-18"))
    XCTAssertTrue(isLongTerm("2024-06-17", "2025-06-19"))
  }

  func testInheritedPropertyIsAlwaysLongTerm() {
    XCTAssertTrue(HoldingStart.inherited.isLongTerm(soldOn: date("2025-01-02")))
  }

  func testImpossibleDatesAreRejected() {
    XCTAssertNil(CivilDate(iso: "2025-02-30"))
    XCTAssertNil(CivilDate(iso: "2025-02-29"))
    XCTAssertNotNil(CivilDate(iso: "2024-02-29"))
    XCTAssertNil(CivilDate(iso: "2025-13-01"))
    XCTAssertNil(CivilDate(iso: "2025-1-01"))
    XCTAssertNil(CivilDate(iso: "2025-01-01x"))
  }

  func testDayArithmeticCrossesMonthsAndYears() {
    XCTAssertEqual(date("2025-01-03").adding(days: 30), date("2025-02-02"))
    XCTAssertEqual(date("2025-01-03").adding(days: -30), date("2024-12-04"))
    XCTAssertEqual(date("2025-03-03").days(since: date("2025-01-02")), 60)
    XCTAssertEqual(date("1970-01-01").dayNumber, 0)
    XCTAssertEqual(date("2000-03-01").description, "2000-03-01")
    XCTAssertEqual(date("2025-07-04").usFormat, "07/04/2025")
  }
}
