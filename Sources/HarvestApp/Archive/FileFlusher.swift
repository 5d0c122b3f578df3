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
  private var handed = 0

  /// Starts flushing the file at `path`, which must be complete.
  func flush(_ path: String) {
    let order = lock.withLock {
      handed += 1
      return handed
    }
    DispatchQueue.global().async(group: group) {
      let descriptor = open(path, O_RDONLY | O_CLOEXEC)
      var failure: ArchiveError?
      if descriptor < 0 {
        failure = FileSystemCalls.failure("open the file", path)
      } else {
        if fsync(descriptor) != 0 {
          failure = FileSystemCalls.failure("flush the file to disk", path)
        }
        close(descriptor)
      }
      if let failure { self.lock.withLock { self.failures.append((order, failure)) } }
    }
  }

  /// Waits for every file handed over.
  ///
  /// - Throws: the error of the first file, in the order handed over, that could not be
  ///   flushed.
  func wait() throws(ArchiveError) {
    group.wait()
    let first = lock.withLock { failures.min { $0.order < $1.order } }
    if let first { throw first.error }
  }
}
