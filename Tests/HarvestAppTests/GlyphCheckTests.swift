import HarvestCore
import XCTest

@testable import HarvestApp

/// Names and descriptions the forms' font cannot print are named before they print as `?`.
final class GlyphCheckTests: XCTestCase {
  func testUnprintableNameAndDescriptionAreNamed() {
    let row = Form8949Row(
      box: .a, description: "100 sh 腾讯", dateAcquired: .date(CivilDate(iso: "2025-01-02")!),
      dateSold: CivilDate(iso: "2025-03-03")!, proceeds: Money(dollars: 2),
      costBasis: Money(dollars: 1), symbol: "0700")
    let warnings = GlyphCheck.warnings(name: "José 王", rows: [row])
    XCTAssertEqual(warnings.count, 2)
    XCTAssertTrue(warnings[0].contains("'王'"), warnings[0])
    XCTAssertTrue(warnings[1].contains("'腾', '讯'"), warnings[1])
    XCTAssertEqual(GlyphCheck.warnings(name: "José Ñúñez", rows: []), [])
  }
}
