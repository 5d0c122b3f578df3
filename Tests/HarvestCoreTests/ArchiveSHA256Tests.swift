import HarvestCore
import XCTest

/// SHA-256 against the FIPS 180-4 / NIST example messages.
final class ArchiveSHA256Tests: XCTestCase {
  private func hex(_ text: String) -> String { SHA256.hexDigest(Array(text.utf8)) }

  func testOneBlockMessage() {
    XCTAssertEqual(
      hex("abc"),
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  func testEmptyMessage() {
    XCTAssertEqual(
      hex(""),
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }

  /// The 448-bit message: padding needs a second block.
  func testTwoBlockMessage() {
    XCTAssertEqual(
      hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  func testOneMillionA() {
    let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    XCTAssertEqual(
      SHA256.hexDigest(message),
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// Feeding the message in uneven pieces gives the same digest as one piece.
  func testIncrementalUpdates() {
    let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
    var hasher = SHA256()
    hasher.update(Array(message[0..<3]))
    hasher.update([])
    hasher.update(Array(message[3..<50]))
    hasher.update(Array(message[50...]))
    XCTAssertEqual(
      SHA256.hex(hasher.finalize()),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }
}
