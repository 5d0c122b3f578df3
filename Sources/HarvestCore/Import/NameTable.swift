/// Interns names (accounts, symbols) as small integers so that the engine compares and
/// hashes numbers, not strings.
public struct NameTable: Sendable {
  /// The names in the order they were first seen.
  public private(set) var names: [String] = []
  private var indexes: [String: Int32] = [:]
  /// Names by a hash of their UTF-8 bytes, so the trades reader can intern a field without
  /// making a string of it; a hash shared by two names falls back to the string table.
  private var byHash: [UInt64: Int32] = [:]
  /// Short names by their packed bytes, for the trades reader's plain rows.
  private var packed = PackedNameIndex()

  /// Creates an empty table.
  public init() {}

  /// The index of `name`, adding it when new.
  public mutating func intern(_ name: String) -> Int32 {
    if let index = indexes[name] { return index }
    let index = Int32(names.count)
    names.append(name)
    indexes[name] = index
    return index
  }

  /// The index of the ASCII name in bytes `start..<end` of `buffer`, upper-cased first when
  /// `uppercased`, adding it when new.
  mutating func intern(
    _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, uppercased: Bool
  ) -> Int32 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for index in start..<end {
      hash = (hash ^ UInt64(NameTable.fold(buffer[index], uppercased))) &* 0x100_0000_01B3
    }
    if let index = byHash[hash] {
      var same = names[Int(index)].utf8.count == end - start
      if same {
        var position = start
        for byte in names[Int(index)].utf8 {
          if byte != NameTable.fold(buffer[position], uppercased) {
            same = false
            break
          }
          position += 1
        }
      }
      if same { return index }
    }
    let name = String(
      decoding: (start..<end).map { NameTable.fold(buffer[$0], uppercased) },
      as: UTF8.self)
    let index = intern(name)
    if byHash[hash] == nil { byHash[hash] = index }
    return index
  }

  /// The index of the ASCII name in bytes `start..<end` of `buffer` (without zero bytes),
  /// upper-cased first when `uppercased`, adding it when new; a short name is found by its
  /// packed bytes.
  mutating func internPacked(
    _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, uppercased: Bool
  ) -> Int32 {
    guard
      let (low, high) = PackedNameIndex.pack(buffer, start, end, uppercased: uppercased)
    else { return intern(buffer, start, end, uppercased: uppercased) }
    if let index = packed.find(low, high) { return index }
    let index = intern(buffer, start, end, uppercased: uppercased)
    packed.insert(low, high, index: index)
    return index
  }

  private static func fold(_ byte: UInt8, _ uppercased: Bool) -> UInt8 {
    uppercased && byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
  }

  /// The index of `name`, if it has been seen.
  public func index(of name: String) -> Int32? { indexes[name] }

  /// The name at `index`.
  public subscript(index: Int32) -> String { names[Int(index)] }

  /// How many names there are.
  public var count: Int { names.count }
}
