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

  /// The 896-bit message of the NIST examples: two blocks of data, a third for the padding.
  func testEightHundredNinetySixBitMessage() {
    XCTAssertEqual(
      hex(
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
          + "klmnopqrlmnopqrsmnopqrstnopqrstu"),
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
  }

  /// A message of every byte value in changing order, fed whole and in pieces of sizes that
  /// cut blocks anywhere; the digest was computed by another SHA-256 implementation.
  func testLongVariedMessageWholeAndInPieces() {
    let message = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 * 7 + $0 / 251) }
    let expected = "6b4e3f3d1dee15db72c519f5962bad253dfc7d4183d7e30e656259ce1eeab007"
    XCTAssertEqual(SHA256.hexDigest(message), expected)
    var hasher = SHA256()
    var start = 0
    var size = 1
    while start < message.count {
      let end = min(start + size, message.count)
      hasher.update(Array(message[start..<end]))
      start = end
      size = size * 3 % 199 + 1
    }
    XCTAssertEqual(SHA256.hex(hasher.finalize()), expected)
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
