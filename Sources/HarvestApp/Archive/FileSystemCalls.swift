import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX calls the archive writer needs, each turning a failure into an
/// `ArchiveError` that names the path and the operation.
enum FileSystemCalls {
  /// What a path names, without following a final symbolic link.
  enum Kind {
    case missing
    case directory
    case regularFile
    case other
  }

  static func kind(_ path: String) throws(ArchiveError) -> Kind {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      if errno == ENOENT || errno == ENOTDIR { return .missing }
      throw failure("look at", path)
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return .directory
    case S_IFREG: return .regularFile
    default: return .other
    }
  }

  static func entries(_ path: String) throws(ArchiveError) -> [String] {
    do {
      return try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    } catch {
      throw ArchiveError.system(
        operation: "list the folder", path: path, errno: 0,
        detail: "\(error.localizedDescription)")
    }
  }

  static func makeParentFolders(_ path: String) throws(ArchiveError) {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw ArchiveError.system(
        operation: "create the folder", path: path, errno: 0,
        detail: "\(error.localizedDescription)")
    }
  }

  static func makeFolder(_ path: String) throws(ArchiveError) {
    guard mkdir(path, 0o755) == 0 else { throw failure("create the folder", path) }
  }

  /// Creates `path` (which must not exist) and writes `bytes`. Without a flusher, waits
  /// until they are on disk; with one, hands it the file to flush in the background as the
  /// archive's file number `order`.
  static func writeNewFile(
    _ path: String, _ bytes: [UInt8], mode: mode_t, flusher: FileFlusher? = nil, order: Int = 0
  ) throws(ArchiveError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard descriptor >= 0 else { throw failure("create the file", path) }
    defer { close(descriptor) }
    try writeAll(bytes, to: descriptor, path: path)
    if let flusher {
      flusher.flush(dup(descriptor), path: path, order: order)
    } else if fsync(descriptor) != 0 {
      throw failure("flush the file to disk", path)
    }
  }

  /// Writes every byte to an open file, resuming after interrupted and partial writes.
  static func writeAll(
    _ bytes: [UInt8], to descriptor: Int32, path: String
  ) throws(ArchiveError) {
    let failure = bytes.withUnsafeBytes { buffer -> ArchiveError? in
      do throws(ArchiveError) {
        try writeAll(buffer, to: descriptor, path: path)
        return nil
      } catch {
        return error
      }
    }
    if let failure { throw failure }
  }

  /// Writes every byte to an open file, resuming after interrupted and partial writes.
  static func writeAll(
    _ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String
  ) throws(ArchiveError) {
    var offset = 0
    while offset < bytes.count {
      let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        throw failure("write the file", path)
      }
      offset += written
    }
  }

  static func readFile(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
  }

  /// Flushes a folder's list of entries to disk, so a rename inside it survives a crash.
  static func syncFolder(_ path: String) throws(ArchiveError) {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure("open the folder", path) }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else { throw failure("flush the folder to disk", path) }
  }

  static func rename(_ from: String, to: String) throws(ArchiveError) {
    guard Foundation.rename(from, to) == 0 else { throw failure("rename it to \(to)", from) }
  }

  static func removeFile(_ path: String) throws(ArchiveError) {
    guard unlink(path) == 0 || errno == ENOENT else { throw failure("remove the file", path) }
  }

  /// Removes an empty folder; false when it still holds something.
  static func removeEmptyFolder(_ path: String) throws(ArchiveError) -> Bool {
    if rmdir(path) == 0 || errno == ENOENT { return true }
    if errno == ENOTEMPTY || errno == EEXIST { return false }
    throw failure("remove the folder", path)
  }

  /// True when a process with this id exists (it may belong to another user).
  /// Whether a process with this number is alive and could be a Harvest run: one running
  /// another program (a number reused after a reboot) does not count. When the program
  /// cannot be read, the process counts as alive, so nothing of a live run is touched.
  static func processExists(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0 || errno == EPERM else { return false }
    guard let theirs = executable(of: "/proc/\(pid)/exe"),
      let ours = executable(of: "/proc/self/exe")
    else { return true }
    return theirs == ours
  }

  private static func executable(of link: String) -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink(link, &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  static var currentProcess: Int32 { getpid() }

  /// Ends this process at once, as a kill would; only tests ask for it.
  static func killSelf() -> Never {
    kill(getpid(), SIGKILL)
    fatalError("SIGKILL did not end the process")
  }

  /// The error for a failed system call, read from `errno`.
  static func failure(_ operation: String, _ path: String) -> ArchiveError {
    let code = errno
    return .system(
      operation: operation, path: path, errno: code,
      detail: String(cString: strerror(code)))
  }
}
