import XCTest

@testable import HarvestCore

/// A row keeps its column (f) codes and basis note as small numbers; the text must come back
/// exactly as given.
final class Form8949RowStorageTests: XCTestCase {
  private func row(code: String = "", note: String = "") -> Form8949Row {
    Form8949Row(
      box: .a, description: nil, dateAcquired: .inherited,
      dateSold: CivilDate(iso: "2025-06-02")!, proceeds: Money(cents: 100),
      costBasis: Money(cents: 50), code: code, basisNote: note, saleLine: 2_000_000_000)
  }

  func testCodesComeBackAsGiven() {
    for code in ["", "W", "BW", "EH", "L", "BDEHLMNOQRSWXYZ", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"] {
      var made = row(code: code)
      XCTAssertEqual(made.code, code)
      XCTAssertEqual(made.hasNoCode, code.isEmpty)
      made.code = "W"
      XCTAssertEqual(made.code, "W")
    }
  }

  func testBasisNotesComeBackAsGiven() {
    for note in [
      "", "wash sale", "inherited", "inherited, wash sale", "transferred in",
      "transferred in, wash sale",
    ] {
      let made = row(note: note)
      XCTAssertEqual(made.basisNote, note)
      XCTAssertEqual(made.hasNoBasisNote, note.isEmpty)
    }
  }

  func testRowsWithTheSameTextAreEqual() {
    XCTAssertEqual(row(code: "W", note: "wash sale"), row(code: "W", note: "wash sale"))
    XCTAssertNotEqual(row(code: "W"), row(code: "BW"))
    XCTAssertEqual(row().saleLine, 2_000_000_000)
  }

  /// Half a million rows sit in memory at once; the budget of a million-trade year counts
  /// on a row of at most 136 bytes.
  func testARowStaysSmall() {
    XCTAssertLessThanOrEqual(MemoryLayout<Form8949Row>.stride, 136)
    XCTAssertLessThanOrEqual(MemoryLayout<WashSaleRow>.stride, 112)
  }
}
