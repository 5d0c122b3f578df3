/// Interns names (accounts, symbols) as small integers so that the engine compares and
/// hashes numbers, not strings.
public struct NameTable: Sendable {
  /// The names in the order they were first seen.
  public private(set) var names: [String] = []
  private var indexes: [String: Int32] = [:]

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

  /// The index of `name`, if it has been seen.
  public func index(of name: String) -> Int32? { indexes[name] }

  /// The name at `index`.
  public subscript(index: Int32) -> String { names[Int(index)] }

  /// How many names there are.
  public var count: Int { names.count }
}
