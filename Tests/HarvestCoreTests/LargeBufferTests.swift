import XCTest

@testable import HarvestCore

/// Huge-page advice covers only whole huge pages inside the buffer, and leaves it usable.
final class LargeBufferTests: XCTestCase {
  private let huge = UInt(LargeBuffer.hugePageBytes)

  func testOnlyWholeHugePagesInsideTheBufferAreAdvised() {
    XCTAssertEqual(
      LargeBuffer.wholeHugePages(from: huge * 3 + 16, count: Int(huge * 4)),
      (huge * 4)..<(huge * 7))
    XCTAssertEqual(
      LargeBuffer.wholeHugePages(from: huge * 2, count: Int(huge * 2)), (huge * 2)..<(huge * 4))
    XCTAssertNil(LargeBuffer.wholeHugePages(from: huge + 1, count: Int(huge)))
    XCTAssertNil(LargeBuffer.wholeHugePages(from: huge * 5, count: Int(huge) - 1))
    XCTAssertNil(LargeBuffer.wholeHugePages(from: 4096, count: 0))
    XCTAssertNil(LargeBuffer.wholeHugePages(from: UInt.max - 100, count: 1_000))
  }

  func testAnAdvisedBufferKeepsWhatIsWrittenToIt() {
    let count = 5 << 20
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 16)
    defer { buffer.deallocate() }
    LargeBuffer.preferHugePages(buffer, count: count)
    let bytes = buffer.bindMemory(to: UInt8.self, capacity: count)
    for index in stride(from: 0, to: count, by: 4093) { bytes[index] = UInt8(index % 251) }
    for index in stride(from: 0, to: count, by: 4093) {
      XCTAssertEqual(bytes[index], UInt8(index % 251))
    }
  }
}
