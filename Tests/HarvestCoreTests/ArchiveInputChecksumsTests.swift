import HarvestCore
import XCTest

/// The `inputs.sha256` manifest, in `sha256sum` line format.
final class ArchiveInputChecksumsTests: XCTestCase {
  func testManifestLines() {
    var checksums = InputChecksums()
    checksums.add(path: "trades.csv", bytes: Array("abc".utf8))
    checksums.add(path: "in\\put\nfile", bytes: [])
    let expected = """
      ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  trades.csv
      \\e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  in\\\\put\\nfile

      """
    XCTAssertEqual(String(decoding: checksums.manifestBytes, as: UTF8.self), expected)
    XCTAssertEqual(InputChecksums.fileName, "inputs.sha256")
  }
}
