import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A report file whose contents are made while the archive writes it, straight into the
/// new file in the staging folder, so that a large CSV never sits whole in memory.
public struct StreamedReportFile: Sendable {
  /// The file's name inside the folder: one plain name such as `form8949.csv`, no `/`.
  public var name: String
  /// True when the file holds a name or an SSN (mode 0600).
  public var isPrivate: Bool
  /// Writes the contents, in order, into the sink.
  public var produce: @Sendable (inout Sink) throws(ArchiveError) -> Void

  /// Creates a file made by `produce`.
  public init(
    name: String, isPrivate: Bool = false,
    produce: @escaping @Sendable (inout Sink) throws(ArchiveError) -> Void
  ) {
    self.name = name
    self.isPrivate = isPrivate
    self.produce = produce
  }

  /// The open file a streamed report file's bytes go to.
  public struct Sink {
    let descriptor: Int32
    let path: String

    init(descriptor: Int32, path: String) {
      self.descriptor = descriptor
      self.path = path
    }

    /// Appends `bytes` to the file.
    ///
    /// - Throws: `ArchiveError` when the write fails.
    public mutating func append(_ bytes: [UInt8]) throws(ArchiveError) {
      try FileSystemCalls.writeAll(bytes, to: descriptor, path: path)
    }
  }

  /// Creates every file in `folder`, two at a time on two cores (the files are
  /// independent, and making their text is most of the work), each taken in turn by
  /// whichever worker is free.
  ///
  /// - Returns: for each file, in order, the error that stopped it, or nil.
  static func createAll(_ files: [StreamedReportFile], in folder: String) -> [ArchiveError?] {
    let outcome = Outcome(count: files.count)
    let workers = min(2, files.count, ProcessInfo.processInfo.activeProcessorCount)
    DispatchQueue.concurrentPerform(iterations: max(workers, 1)) { _ in
      while let index = outcome.nextIndex() {
        let file = files[index]
        do throws(ArchiveError) {
          try create(file, at: folder + "/" + file.name)
        } catch {
          outcome.record(error, at: index)
        }
      }
    }
    return outcome.errors
  }

  /// The workers' shared state: the next file to take and each file's error.
  private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private var failures: [ArchiveError?]

    init(count: Int) {
      self.count = count
      failures = Array(repeating: nil, count: count)
    }

    func nextIndex() -> Int? {
      lock.withLock {
        guard next < count else { return nil }
        next += 1
        return next - 1
      }
    }

    func record(_ error: ArchiveError, at index: Int) {
      lock.withLock { failures[index] = error }
    }

    var errors: [ArchiveError?] { lock.withLock { failures } }
  }

  /// Creates `path` (which must not exist), fills it with `produce` and flushes it to disk.
  static func create(_ file: StreamedReportFile, at path: String) throws(ArchiveError) {
    let mode: mode_t = file.isPrivate ? 0o600 : 0o644
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard descriptor >= 0 else { throw FileSystemCalls.failure("create the file", path) }
    defer { close(descriptor) }
    var sink = Sink(descriptor: descriptor, path: path)
    try file.produce(&sink)
    guard fsync(descriptor) == 0 else {
      throw FileSystemCalls.failure("flush the file to disk", path)
    }
  }
}
