/// Names of up to 16 bytes found by their bytes packed into two words, so the trades reader
/// finds the account or symbol of a row with one or two word comparisons.
///
/// A packed name is its bytes in order, little-endian, padded with zero bytes; a name with no
/// zero byte (every name the reader packs) has exactly one packing.
struct PackedNameIndex: Sendable {
  private struct Slot: Sendable {
    var low: UInt64
    var high: UInt64
    /// The name's index in its table, or -1 for an empty slot.
    var index: Int32
  }

  private var slots = [Slot](repeating: Slot(low: 0, high: 0, index: -1), count: 64)
  private var count = 0

  /// The name packed into `low` and `high`, or nil when it is not in the index.
  func find(_ low: UInt64, _ high: UInt64) -> Int32? {
    let mask = slots.count - 1
    var position = PackedNameIndex.slot(low, high, mask)
    while true {
      let slot = slots[position]
      if slot.index < 0 { return nil }
      if slot.low == low && slot.high == high { return slot.index }
      position = (position + 1) & mask
    }
  }

  /// Records the packed name's index; the name must not be in the index yet.
  mutating func insert(_ low: UInt64, _ high: UInt64, index: Int32) {
    if (count + 1) * 2 > slots.count {
      let old = slots
      slots = [Slot](repeating: Slot(low: 0, high: 0, index: -1), count: old.count * 2)
      count = 0
      for slot in old where slot.index >= 0 { insert(slot.low, slot.high, index: slot.index) }
    }
    let mask = slots.count - 1
    var position = PackedNameIndex.slot(low, high, mask)
    while slots[position].index >= 0 { position = (position + 1) & mask }
    slots[position] = Slot(low: low, high: high, index: index)
    count += 1
  }

  private static func slot(_ low: UInt64, _ high: UInt64, _ mask: Int) -> Int {
    let mixed = (low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
    return Int(truncatingIfNeeded: mixed >> 40) & mask
  }

  /// The bytes `start..<end` of `buffer` packed into two words, ASCII letters upper-cased
  /// when `uppercased`; nil when the name is longer than 16 bytes. The bytes must be ASCII.
  static func pack(
    _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, uppercased: Bool
  ) -> (low: UInt64, high: UInt64)? {
    let length = end - start
    guard length <= 16 else { return nil }
    var low: UInt64 = 0
    var high: UInt64 = 0
    if start + 16 <= buffer.count, let base = buffer.baseAddress {
      let raw = UnsafeRawPointer(base + start)
      low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
      high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
      low &= length >= 8 ? ~0 : (1 << (8 * UInt64(length))) &- 1
      high &= length >= 16 ? ~0 : length <= 8 ? 0 : (1 << (8 * UInt64(length - 8))) &- 1
    } else {
      for offset in 0..<length {
        let byte = UInt64(buffer[start + offset])
        if offset < 8 {
          low |= byte << (8 * UInt64(offset))
        } else {
          high |= byte << (8 * UInt64(offset - 8))
        }
      }
    }
    if uppercased {
      low = upper(low)
      high = upper(high)
    }
    return (low, high)
  }

  /// Upper-cases the ASCII letters among eight ASCII bytes at once: a byte from `a` to `z`
  /// gets its 0x20 bit cleared.
  private static func upper(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let atLeastA = word &+ ones &* UInt64(0x80 - 0x61)
    let aboveZ = word &+ ones &* UInt64(0x80 - 0x7B)
    let lower = atLeastA & ~aboveZ & (ones &* 0x80)
    return word ^ (lower >> 2)
  }
}
