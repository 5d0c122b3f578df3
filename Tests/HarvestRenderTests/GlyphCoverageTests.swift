import HarvestRender
import XCTest

/// Characters Liberation Sans lacks are named before they print as `?` on a form.
final class GlyphCoverageTests: XCTestCase {
  func testLatinNamesPrintAndIdeographsAreNamed() throws {
    XCTAssertEqual(try PDFRenderer.unprintableCharacters(in: "José Ñúñez-O'Brien"), [])
    XCTAssertEqual(try PDFRenderer.unprintableCharacters(in: "José Ñúñez 王王"), ["王"])
  }
}
