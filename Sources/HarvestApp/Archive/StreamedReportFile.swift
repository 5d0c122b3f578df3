import Dispatch
import Foundation
import HarvestCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A report file whose text is made while the archive writes it, straight into the new file
/// in the staging folder, so that a large CSV never sits whole in memory.
///
/// The file is a CSV table: its pieces are made on both cores at once and written in order.
public struct StreamedReportFile: Sendable {
  /// The file's name inside the folder: one plain name such as `form8949.csv`, no `/`.
  public var name: String
  /// True when the file holds a name or an SSN (mode 0600).
  public var isPrivate: Bool
  /// The file's contents.
  public var table: CSVTable

  /// Creates a file holding `table`.
  public init(name: String, isPrivate: Bool = false, table: CSVTable) {
    self.name = name
    self.isPrivate = isPrivate
    self.table = table
  }

  /// Creates every file in `folder` and flushes each to disk.
  ///
  /// The pieces of all the files, file after file, are handed in turn to two workers (one
  /// per core). A worker makes its piece's text in its own buffer, then waits until the
  /// piece before it in the same file is written, and writes it; so one core writes while
  /// the other makes text, and each file's bytes are exactly those of `table.bytes`.
  ///
  /// - Returns: for each file, in order, the error that stopped it, or nil.
  static func createAll(_ files: [StreamedReportFile], in folder: String) -> [ArchiveError?] {
    let paths = files.map { folder + "/" + $0.name }
    let pipeline = Pipeline(files: files, paths: paths)
    defer { pipeline.closeAll() }
    let workers = min(2, ProcessInfo.processInfo.activeProcessorCount, pipeline.taskCount)
    DispatchQueue.concurrentPerform(iterations: max(workers, 1)) { _ in
      var writer = CSVWriter(capacity: 1 << 21)
      while let (file, piece) = pipeline.nextTask() {
        writer.removeAll()
        if !pipeline.hasFailed(file) { files[file].table.piece(piece, into: &writer) }
        pipeline.write(piece, of: file, from: writer)
      }
    }
    return pipeline.errors
  }

  /// The workers' shared state: the next piece to make, the next piece each file is waiting
  /// for, each file's descriptor and error.
  private final class Pipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private let paths: [String]
    private let pieceCounts: [Int]
    /// Every (file, piece) in the order they are handed out.
    private let tasks: [(file: Int, piece: Int)]
    private var next = 0
    private var written: [Int]
    private let descriptors: [Int32]
    private var failures: [ArchiveError?]

    init(files: [StreamedReportFile], paths: [String]) {
      self.paths = paths
      pieceCounts = files.map(\.table.pieceCount)
      tasks = pieceCounts.enumerated().flatMap { file, count in
        (0..<count).map { (file: file, piece: $0) }
      }
      written = Array(repeating: 0, count: files.count)
      var failures = [ArchiveError?](repeating: nil, count: files.count)
      descriptors = paths.enumerated().map { file, path in
        let mode: mode_t = files[file].isPrivate ? 0o600 : 0o644
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if descriptor < 0 { failures[file] = FileSystemCalls.failure("create the file", path) }
        return descriptor
      }
      self.failures = failures
    }

    var taskCount: Int { tasks.count }

    func nextTask() -> (Int, Int)? {
      condition.withLock {
        guard next < tasks.count else { return nil }
        next += 1
        return (tasks[next - 1].file, tasks[next - 1].piece)
      }
    }

    func hasFailed(_ file: Int) -> Bool { condition.withLock { failures[file] != nil } }

    /// Waits for the pieces before `piece` of `file` to be written, writes the writer's
    /// bytes (unless the file has failed), and flushes the file after its last piece.
    func write(_ piece: Int, of file: Int, from writer: CSVWriter) {
      condition.lock()
      while written[file] != piece { condition.wait() }
      let failed = failures[file] != nil
      condition.unlock()

      var failure: ArchiveError?
      if !failed {
        do throws(ArchiveError) {
          try writer.withUnsafeBytes { bytes throws(ArchiveError) in
            try FileSystemCalls.writeAll(bytes, to: descriptors[file], path: paths[file])
          }
          if piece == pieceCounts[file] - 1 && fsync(descriptors[file]) != 0 {
            throw FileSystemCalls.failure("flush the file to disk", paths[file])
          }
        } catch {
          failure = error
        }
      }

      condition.withLock {
        if let failure { failures[file] = failure }
        written[file] += 1
        condition.broadcast()
      }
    }

    func closeAll() {
      for descriptor in descriptors where descriptor >= 0 { close(descriptor) }
    }

    var errors: [ArchiveError?] { condition.withLock { failures } }
  }
}
