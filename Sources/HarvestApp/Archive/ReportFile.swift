/// One file of a report, ready to be written into the output folder.
public struct ReportFile: Sendable, Equatable {
  /// The file's name inside the folder: one plain name such as `schedule-d.csv`, no `/`.
  public var name: String
  /// The file's complete contents.
  public var bytes: [UInt8]
  /// True when the file holds a name or an SSN, so only the owner may read it (mode 0600);
  /// other files are created with mode 0644 less the process's umask.
  public var isPrivate: Bool

  /// Creates a file.
  public init(name: String, bytes: [UInt8], isPrivate: Bool = false) {
    self.name = name
    self.bytes = bytes
    self.isPrivate = isPrivate
  }
}
