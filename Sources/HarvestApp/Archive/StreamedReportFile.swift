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

  /// Creates every file in `folder`, handing each to `flusher` once its last piece is
  /// written, as the archive's file number `firstOrder` plus its place in `files`.
  ///
  /// The pieces of all the files, file after file, are handed in turn to two workers (one
  /// per core). A worker makes its piece's text in its own buffer, then waits until the
  /// piece before it in the same file is written, and writes it; so one core writes while
  /// the other makes text, and each file's bytes are exactly those of `table.bytes`.
  ///
  /// - Returns: for each file, in order, the error that stopped it, or nil.
  static func createAll(
    _ files: [StreamedReportFile], in folder: String, flusher: FileFlusher, firstOrder: Int = 0
  ) -> [ArchiveError?] {
    let paths = files.map { folder + "/" + $0.name }
    let pipeline = Pipeline(files: files, paths: paths, flusher: flusher, firstOrder: firstOrder)
    defer { pipeline.closeAll() }
    let workers = min(2, ProcessInfo.processInfo.activeProcessorCount, pipeline.taskCount)
    DispatchQueue.concurrentPerform(iterations: max(workers, 1)) { _ in
      var writer = CSVWriter(capacity: 1 << 19)
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
    /// Every (file, piece) in the order they are handed out.
    private let tasks: [(file: Int, piece: Int)]
    private var next = 0
    private var written: [Int]
    private let descriptors: [Int32]
    private let pieceCounts: [Int]
    private let flusher: FileFlusher
    private let firstOrder: Int
    private var failures: [ArchiveError?]

    init(files: [StreamedReportFile], paths: [String], flusher: FileFlusher, firstOrder: Int) {
      self.paths = paths
      self.flusher = flusher
      self.firstOrder = firstOrder
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

    /// Waits for the pieces before `piece` of `file` to be written, then writes the
    /// writer's bytes unless the file has failed; hands a finished file to the flusher.
    func write(_ piece: Int, of file: Int, from writer: borrowing CSVWriter) {
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
        } catch {
          failure = error
        }
      }

      let finished = condition.withLock {
        if let failure { failures[file] = failure }
        written[file] += 1
        condition.broadcast()
        return written[file] == pieceCounts[file] && failures[file] == nil
      }
      if finished {
        flusher.flush(dup(descriptors[file]), path: paths[file], order: firstOrder + file)
      }
    }

    func closeAll() {
      for descriptor in descriptors where descriptor >= 0 { close(descriptor) }
    }

    var errors: [ArchiveError?] { condition.withLock { failures } }
  }
}
