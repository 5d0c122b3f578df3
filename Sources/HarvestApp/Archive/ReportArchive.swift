import Foundation

/// Puts a year's report into its output folder all at once, so that the folder holds either
/// the previous complete report or the new complete report, never a mix.
///
/// The report is written into a new hidden folder beside the output folder (same parent, so
/// the final rename is atomic), each file flushed to disk, and renamed into place only when
/// every file is complete. With `force`, an earlier Harvest report is first renamed aside,
/// the new one renamed into place, and the old one deleted last. Every report carries
/// `harvest-report.json`, which lists its files; Harvest deletes only the files such a
/// marker lists, so a folder it did not write is never touched.
///
/// A run that is killed leaves a hidden `.NAME.harvest-new-PID-N` folder (a report being
/// written) or `.NAME.harvest-old-PID-N` folder (the earlier report, moved aside). The next
/// write to the same output folder removes the first kind and either puts the second kind
/// back (when the output folder is missing) or removes it (when a newer report is in place),
/// and says so in its notes.
public struct ReportArchive: Sendable {
  /// The name of the marker file every report holds.
  public static let markerFileName = ReportMarker.fileName

  /// The output folder as the user gave it.
  public var folder: String
  /// Whether an earlier Harvest report in the folder may be replaced (`--force`).
  public var force: Bool
  /// A failure to inject, for tests that stand in for an error or a killed process.
  var fault: Fault?

  /// Where a test makes a write fail or stop.
  enum Fault: Sendable {
    /// Throw an ordinary error after this many report files are written; cleanup runs.
    case failAfterFiles(Int)
    /// Stop after this many files as if killed: no cleanup runs.
    case stopAfterFiles(Int)
    /// Stop as if killed just after the earlier report was renamed aside.
    case stopAfterMovingAside
    /// Really end the process with SIGKILL after this many files.
    case killAfterFiles(Int)
  }

  /// What a successful write did besides writing the report, for the summary.
  public struct Outcome: Sendable, Equatable {
    /// True when an earlier Harvest report was replaced.
    public var replacedEarlierReport: Bool
    /// Things worth telling the user: leftovers of interrupted runs cleaned or kept.
    public var notes: [String]
    /// The names of the files now in the folder, the marker included, sorted.
    public var files: [String]
  }

  /// Creates a writer for `folder`.
  public init(folder: String, force: Bool) {
    self.folder = folder
    self.force = force
  }

  /// Writes `files` as the report in `folder`; see `write(_:)`.
  ///
  /// - Parameters:
  ///   - files: the report's files; `harvest-report.json` is added.
  ///   - streamed: files made while they are written, after `files`.
  ///   - folder: the output folder (`--out`).
  ///   - force: whether an earlier Harvest report there may be replaced (`--force`).
  /// - Returns: what was written and notes for the user.
  /// - Throws: `ArchiveError`; the output folder is then as it was before.
  public static func write(
    _ files: [ReportFile], streamed: [StreamedReportFile] = [], to folder: String, force: Bool
  ) throws(ArchiveError) -> Outcome {
    try ReportArchive(folder: folder, force: force).write(files, streamed: streamed)
  }

  /// Checks, without changing anything, that a report could be written to the folder, so a
  /// run can refuse before doing its work. `write` checks again.
  ///
  /// - Throws: `ArchiveError` when the folder holds files and `force` is off, or holds
  ///   something that is not a Harvest report, or is not a folder.
  public func checkWritable() throws(ArchiveError) {
    _ = try existingState(try location())
  }

  /// Writes the report.
  ///
  /// - Parameters:
  ///   - files: the report's files; `harvest-report.json` is added.
  ///   - streamed: files made while they are written into the staging folder, after
  ///     `files`; a failure while making one leaves the output folder as it was.
  /// - Returns: whether an earlier report was replaced, and notes for the user.
  /// - Throws: `ArchiveError`; the output folder is then as it was before.
  public func write(
    _ files: [ReportFile], streamed: [StreamedReportFile] = []
  ) throws(ArchiveError) -> Outcome {
    var seen: Set<String> = []
    let allNames = files.map(\.name) + streamed.map(\.name)
    for name in allNames {
      guard ReportArchive.isPlainName(name), name != ReportMarker.fileName,
        seen.insert(name).inserted
      else { throw ArchiveError.invalidFileName(name) }
    }

    let place = try location()
    try FileSystemCalls.makeParentFolders(place.parent)
    var notes = try recoverInterruptedRuns(place)
    let state = try existingState(place)

    let staging = place.sibling("new")
    try FileSystemCalls.makeFolder(staging)
    do {
      try fill(staging, with: files, streamed: streamed)
    } catch let error {
      if case .interrupted = error { throw error }
      _ = try? removeReport(at: staging)
      throw error
    }

    guard state == .earlierReport else {
      do {
        try FileSystemCalls.rename(staging, to: place.path)
      } catch {
        _ = try? removeReport(at: staging)
        throw error
      }
      try FileSystemCalls.syncFolder(place.parent)
      return Outcome(replacedEarlierReport: false, notes: notes, files: names(allNames))
    }

    let aside = place.sibling("old")
    do {
      try FileSystemCalls.rename(place.path, to: aside)
    } catch {
      _ = try? removeReport(at: staging)
      throw error
    }
    if case .stopAfterMovingAside = fault {
      throw ArchiveError.interrupted(stage: "after the earlier report was moved aside")
    }
    do {
      try FileSystemCalls.rename(staging, to: place.path)
    } catch {
      try? FileSystemCalls.rename(aside, to: place.path)
      _ = try? removeReport(at: staging)
      throw error
    }
    try FileSystemCalls.syncFolder(place.parent)
    if let note = try removeReport(at: aside) { notes.append(note) }
    return Outcome(replacedEarlierReport: true, notes: notes, files: names(allNames))
  }

  private func names(_ files: [String]) -> [String] {
    (files + [ReportMarker.fileName]).sorted()
  }

  /// True for a name that is one plain entry of a folder.
  static func isPlainName(_ name: String) -> Bool {
    !name.isEmpty && name != "." && name != ".." && !name.contains("/")
      && !name.unicodeScalars.contains { $0.value == 0 }
  }

  // MARK: - Steps

  /// Writes the marker first, so that even a half-written folder lists what it holds, then
  /// every file, and waits until all of them are on disk.
  private func fill(
    _ staging: String, with files: [ReportFile], streamed: [StreamedReportFile]
  ) throws(ArchiveError) {
    let marker = ReportMarker(files: files.map(\.name) + streamed.map(\.name))
    let flusher = FileFlusher()
    // However this ends, no flush outlives it.
    defer { _ = try? flusher.wait() }
    try FileSystemCalls.writeNewFile(
      staging + "/" + ReportMarker.fileName, marker.bytes, mode: 0o644, flusher: flusher,
      order: 0)
    var streamedErrors: [ArchiveError?] = []
    for index in 0..<(files.count + streamed.count) {
      if index < files.count {
        let file = files[index]
        try FileSystemCalls.writeNewFile(
          staging + "/" + file.name, file.bytes, mode: file.isPrivate ? 0o600 : 0o644,
          flusher: flusher, order: index + 1)
      } else {
        if index == files.count {
          streamedErrors = StreamedReportFile.createAll(
            streamed, in: staging, flusher: flusher, firstOrder: files.count + 1)
        }
        if let error = streamedErrors[index - files.count] { throw error }
      }
      let written = index + 1
      switch fault {
      case .failAfterFiles(written)?:
        throw ArchiveError.system(
          operation: "write (injected failure)", path: staging,
          errno: 0, detail: "test")
      case .stopAfterFiles(written)?:
        throw ArchiveError.interrupted(stage: "after \(written) files")
      case .killAfterFiles(written)?:
        FileSystemCalls.killSelf()
      default:
        break
      }
    }
    try flusher.wait()
    try FileSystemCalls.syncFolder(staging)
  }

  private enum State: Equatable {
    case missing
    case empty
    case earlierReport
  }

  private func existingState(_ place: Location) throws(ArchiveError) -> State {
    switch try FileSystemCalls.kind(place.path) {
    case .missing: return .missing
    case .directory: break
    case .regularFile, .other: throw ArchiveError.notAFolder(path: folder)
    }
    let entries = try FileSystemCalls.entries(place.path)
    if entries.isEmpty { return .empty }
    guard force else { throw ArchiveError.folderNotEmpty(path: folder) }
    if let problem = try reportProblem(place.path, entries: entries) {
      throw ArchiveError.notAHarvestReport(path: folder, reason: problem)
    }
    return .earlierReport
  }

  /// Why the folder is not exactly a Harvest report, or nil when it is one.
  private func reportProblem(_ path: String, entries: [String]) throws(ArchiveError) -> String? {
    guard let bytes = FileSystemCalls.readFile(path + "/" + ReportMarker.fileName) else {
      return "it has no \(ReportMarker.fileName)"
    }
    guard let marker = ReportMarker.decode(bytes) else {
      return "its \(ReportMarker.fileName) was not written by Harvest"
    }
    let known = Set(marker.files + [ReportMarker.fileName])
    let unknown = entries.filter { !known.contains($0) }
    if !unknown.isEmpty {
      return "it also holds " + unknown.prefix(5).joined(separator: ", ")
    }
    for entry in entries where try FileSystemCalls.kind(path + "/" + entry) != .regularFile {
      return "\(entry) is not a plain file"
    }
    return nil
  }

  /// Deletes the files a report's marker lists, then the marker and the folder. Returns a
  /// note when something else was in the folder and it was left in place.
  private func removeReport(at path: String) throws(ArchiveError) -> String? {
    let entries = try FileSystemCalls.entries(path)
    let marker = FileSystemCalls.readFile(path + "/" + ReportMarker.fileName)
      .flatMap(ReportMarker.decode)
    // The marker goes last: a run killed while deleting leaves a marker that still vouches
    // for the rest, so the next run can finish the job.
    let listed = Set(marker?.files ?? [])
    for entry in entries where listed.contains(entry) && entry != ReportMarker.fileName {
      if try FileSystemCalls.kind(path + "/" + entry) == .regularFile {
        try FileSystemCalls.removeFile(path + "/" + entry)
      }
    }
    if entries.contains(ReportMarker.fileName),
      try FileSystemCalls.kind(path + "/" + ReportMarker.fileName) == .regularFile
    {
      try FileSystemCalls.removeFile(path + "/" + ReportMarker.fileName)
    }
    if try FileSystemCalls.removeEmptyFolder(path) { return nil }
    return "\(path): left in place because it holds files Harvest did not write"
  }

  /// Cleans up after earlier runs on the same folder that were killed or failed hard.
  private func recoverInterruptedRuns(_ place: Location) throws(ArchiveError) -> [String] {
    var notes: [String] = []
    for name in try FileSystemCalls.entries(place.parent) {
      guard let leftover = place.leftover(named: name) else { continue }
      let path = place.parent + "/" + name
      if leftover.pid != FileSystemCalls.currentProcess
        && FileSystemCalls.processExists(leftover.pid)
      {
        notes.append("\(path): left alone; Harvest process \(leftover.pid) is still running")
        continue
      }
      if leftover.isStaging {
        notes.append(
          try removeReport(at: path)
            ?? "\(path): removed an unfinished report left by an interrupted run")
        continue
      }
      let outputKind = try FileSystemCalls.kind(place.path)
      let outputEntries = outputKind == .directory ? try FileSystemCalls.entries(place.path) : []
      var outputIsReport = false
      if outputKind == .directory && !outputEntries.isEmpty {
        outputIsReport = try reportProblem(place.path, entries: outputEntries) == nil
      }
      if outputKind == .missing || (outputKind == .directory && outputEntries.isEmpty) {
        try FileSystemCalls.rename(path, to: place.path)
        notes.append(
          "\(folder): put back the earlier report that an interrupted run had "
            + "moved aside to \(path)")
      } else if outputIsReport {
        notes.append(
          try removeReport(at: path)
            ?? "\(path): removed an earlier report that a finished run had replaced")
      } else {
        notes.append(
          "\(path): left alone; it holds an earlier report, and \(folder) holds "
            + "something that is not a Harvest report")
      }
    }
    return notes
  }

  // MARK: - Paths

  /// The output folder split into its parent and its name.
  private struct Location {
    var parent: String
    var name: String
    var path: String { parent + "/" + name }

    /// A new hidden folder beside the output folder, owned by this process.
    func sibling(_ kind: String) -> String {
      let tag = UInt32.random(in: 0...UInt32.max)
      return parent + "/.\(name).harvest-\(kind)-\(FileSystemCalls.currentProcess)-\(tag)"
    }

    /// The process id and kind of a hidden folder an earlier run left, if `entry` is one.
    func leftover(named entry: String) -> (pid: Int32, isStaging: Bool)? {
      let prefix = ".\(name).harvest-"
      guard entry.hasPrefix(prefix) else { return nil }
      let parts = entry.dropFirst(prefix.count).split(separator: "-")
      guard parts.count == 3, parts[0] == "new" || parts[0] == "old",
        let pid = Int32(parts[1]), pid > 0, UInt32(parts[2]) != nil
      else { return nil }
      return (pid, parts[0] == "new")
    }
  }

  private func location() throws(ArchiveError) -> Location {
    var path = folder
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    if path.isEmpty || path == "/" { throw ArchiveError.notAFolder(path: folder) }

    var name = path
    var parent = "."
    if let slash = path.lastIndex(of: "/") {
      name = String(path[path.index(after: slash)...])
      parent = slash == path.startIndex ? "/" : String(path[..<slash])
    }
    if name == "." || name == ".." {
      // A folder named by "." has no name in its parent to rename onto; use its real path.
      let resolved = URL(fileURLWithPath: path).standardizedFileURL.path
      guard resolved != path, resolved != "/" else { throw ArchiveError.notAFolder(path: folder) }
      return try ReportArchive(folder: resolved, force: force).location()
    }
    return Location(parent: parent == "/" ? "" : parent, name: name)
  }
}
