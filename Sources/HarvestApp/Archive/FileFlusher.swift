import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Flushes finished files to disk in the background while the archive writes the next ones,
/// so that waiting for the disk overlaps with making the report; `wait()` returns once every
/// file handed over is on disk.
final class FileFlusher: @unchecked Sendable {
  private let group = DispatchGroup()
  private let lock = NSLock()
  private var failures: [(order: Int, error: ArchiveError)] = []

  /// Starts flushing the complete file open at `descriptor`, which the flusher closes when
  /// done; `order` is the file's place in the archive, which decides which error `wait()`
  /// reports, whatever order the files finish in. A negative descriptor (a `dup` that
  /// failed) is reported as a failure to flush.
  func flush(_ descriptor: Int32, path: String, order: Int) {
    guard descriptor >= 0 else {
      record(FileSystemCalls.failure("flush the file to disk", path), order: order)
      return
    }
    DispatchQueue.global().async(group: group) {
      if fsync(descriptor) != 0 {
        self.record(FileSystemCalls.failure("flush the file to disk", path), order: order)
      }
      close(descriptor)
    }
  }

  private func record(_ error: ArchiveError, order: Int) {
    lock.withLock { failures.append((order, error)) }
  }

  /// Waits for every file handed over.
  ///
  /// - Throws: the error of the file earliest in the archive that could not be flushed.
  func wait() throws(ArchiveError) {
    group.wait()
    let first = lock.withLock { failures.min { $0.order < $1.order } }
    if let first { throw first.error }
  }
}
