import Foundation
import XCTest

/// The bundled example year against golden files: its CSV files byte for byte, and the
/// `pdftotext -layout` text of its PDFs. `HARVEST_RECORD=1` re-records them, and such a run
/// fails so that it can never pass by accident. The figures themselves are checked by hand in
/// the engine's unit tests and in `Examples/2025/README.md`; these files catch any change.
final class GoldenExampleTests: XCTestCase {
  private let golden = packageRoot + "/Tests/HarvestAppTests/Golden/example-2025"
  private var recording: Bool { ProcessInfo.processInfo.environment["HARVEST_RECORD"] == "1" }

  func testExampleYearMatchesTheGoldenFiles() throws {
    let out = try scratchFolder(self) + "/report"
    XCTAssertEqual(harvest(exampleArguments(out: out)), 0)

    var compared: [String] = []
    for name in [
      "form8949.csv", "schedule-d.csv", "carryover-worksheet.csv", "wash-sales.csv",
      "deferred-losses.csv", "basis-statement.csv", "carryover.json",
    ] {
      try compare(name, XCTUnwrap(fileText(out, name)))
      compared.append(name)
    }
    for name in [
      "form8949.pdf", "schedule-d.pdf", "carryover-worksheet.pdf", "statements.pdf",
    ] {
      guard let text = runTool("pdftotext", ["-layout", out + "/" + name, "-"]) else {
        throw XCTSkip("pdftotext is not installed (apt-get install poppler-utils)")
      }
      try compare(name.replacingOccurrences(of: ".pdf", with: ".txt"), text)
      compared.append(name)
    }
    XCTAssertEqual(compared.count, 11)
    if recording { XCTFail("golden files re-recorded; run again without HARVEST_RECORD") }
  }

  private func compare(_ name: String, _ actual: String) throws {
    let path = golden + "/" + name
    if recording {
      try FileManager.default.createDirectory(atPath: golden, withIntermediateDirectories: true)
      XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(actual.utf8)))
      return
    }
    let expected = try XCTUnwrap(
      FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) },
      "missing golden file \(name); record with HARVEST_RECORD=1")
    XCTAssertEqual(actual, expected, "\(name) differs from its golden file")
  }
}
