/// The SHA-256 checksums of the files a report was made from, written to `inputs.sha256`.
///
/// The manifest uses the line format of `sha256sum`: 64 lower-case hex digits, two spaces and
/// the path as the user gave it, one file per line, in the order the files were added, so
/// `sha256sum -c inputs.sha256` run from the same working folder checks them. A path holding
/// a backslash or a line break is written the way `sha256sum` writes one: the line starts
/// with a backslash and the path has `\\` and `\n` in place of those characters.
public struct InputChecksums: Sendable, Equatable {
  /// The name of the manifest in the report folder.
  public static let fileName = "inputs.sha256"

  /// One input file.
  public struct Entry: Sendable, Equatable {
    /// The path as the user named the file.
    public var path: String
    /// The file's SHA-256 digest as 64 lower-case hex digits.
    public var sha256: String
  }

  /// The files in the order they were added.
  public private(set) var entries: [Entry] = []

  /// An empty manifest.
  public init() {}

  /// Adds a file by the bytes that were read from it (the same bytes that were parsed, so
  /// the checksum describes exactly what the report used).
  public mutating func add(path: String, bytes: [UInt8]) {
    add(path: path, sha256: SHA256.hexDigest(bytes))
  }

  /// Adds a file by its SHA-256 digest (64 lower-case hex digits) computed elsewhere, such
  /// as on another thread while the file was parsed.
  public mutating func add(path: String, sha256: String) {
    entries.append(Entry(path: path, sha256: sha256))
  }

  /// The manifest text as UTF-8 bytes.
  public var manifestBytes: [UInt8] {
    var text = ""
    for entry in entries {
      let needsEscape = entry.path.unicodeScalars.contains { $0 == "\\" || $0 == "\n" }
      if needsEscape {
        var escaped = ""
        for scalar in entry.path.unicodeScalars {
          switch scalar {
          case "\\": escaped += "\\\\"
          case "\n": escaped += "\\n"
          default: escaped.unicodeScalars.append(scalar)
          }
        }
        text += "\\" + entry.sha256 + "  " + escaped + "\n"
      } else {
        text += entry.sha256 + "  " + entry.path + "\n"
      }
    }
    return Array(text.utf8)
  }
}
