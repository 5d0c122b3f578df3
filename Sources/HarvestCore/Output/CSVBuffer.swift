/// The growable bytes behind a `CSVWriter`, written through a pointer so that room is checked
/// once per field rather than once per byte.
///
/// Only `CSVWriter` uses it, and a writer cannot be copied, so no two writers ever share one.
final class CSVBuffer: @unchecked Sendable {
  private(set) var base: UnsafeMutablePointer<UInt8>
  /// Bytes written.
  var count = 0
  private(set) var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 256)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// The end of the bytes written, with room for at least `extra` more after it.
  @inline(__always)
  func end(reserving extra: Int) -> UnsafeMutablePointer<UInt8> {
    if capacity - count < extra { grow(toHold: count + extra) }
    return base + count
  }

  /// Marks every byte up to `end` (a pointer from `end(reserving:)`) as written.
  @inline(__always)
  func commit(_ end: UnsafeMutablePointer<UInt8>) {
    count = end - base
  }

  private func grow(toHold needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    bigger.update(from: base, count: count)
    base.deallocate()
    base = bigger
    capacity = newCapacity
  }
}
