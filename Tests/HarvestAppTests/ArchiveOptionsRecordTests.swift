import XCTest

@testable import HarvestApp

/// `options.json`: sorted, and the SSN never written in full.
final class ArchiveOptionsRecordTests: XCTestCase {
  func testMasksTheSSN() {
    XCTAssertEqual(OptionsRecord.maskSSN("123-45-6789"), "***-**-6789")
    XCTAssertEqual(OptionsRecord.maskSSN("123456789"), "***-**-6789")
    XCTAssertEqual(OptionsRecord.maskSSN("12"), "***-**-****")
  }

  func testJSONIsSortedAndMasked() {
    let record = OptionsRecord([
      "year": "2025", "ssn": "123-45-6789", "out": "Output/2025",
      "filing-status": "mfs",
    ])
    XCTAssertEqual(
      String(decoding: record.jsonBytes, as: UTF8.self),
      """
      {
        "filing-status" : "mfs",
        "out" : "Output/2025",
        "ssn" : "***-**-6789",
        "year" : "2025"
      }

      """)
  }
}
