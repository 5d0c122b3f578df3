import HarvestCore

/// The files of one report, in memory until the archive writes them all at once.
struct ReportFileList {
  private(set) var files: [ReportFile] = []

  /// Adds a file; `isPrivate` files hold a name or SSN and are readable by the owner only.
  mutating func add(_ name: String, _ bytes: [UInt8], private isPrivate: Bool = false) {
    files.append(ReportFile(name: name, bytes: bytes, isPrivate: isPrivate))
  }
}
