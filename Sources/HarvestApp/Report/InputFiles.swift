import Foundation
import HarvestCore

/// Every input file of a report, read and checked, with their checksums for the archive.
struct InputFiles {
  var book: TradeBook
  var accounts: [String: Account] = [:]
  var identicalGroups: [String: String] = [:]
  var other = OtherAmounts()
  var carryIn: (short: Money, long: Money) = (.zero, .zero)
  /// The trades file's path and its digest, computed on another core while the report is
  /// made: it is needed only when the archive is written.
  private var tradesDigest: (path: String, digest: BackgroundWork<String>)?
  /// The checksums of the other input files, in the order they were read.
  private var otherChecksums = InputChecksums()

  init(book: TradeBook) {
    self.book = book
  }

  /// Every input file's checksum, the trades file first; waits for the trades file's digest.
  var checksums: InputChecksums {
    var all = InputChecksums()
    if let (path, digest) = tradesDigest { all.add(path: path, sha256: digest.result) }
    for entry in otherChecksums.entries { all.add(path: entry.path, sha256: entry.sha256) }
    return all
  }

  static func load(_ options: ReportOptions, log: Log) throws -> InputFiles {
    var checksums = InputChecksums()
    func read(_ path: String) throws -> [UInt8] {
      let bytes = try FileInput.read(path)
      checksums.add(path: path, bytes: bytes)
      return bytes
    }

    // The trades file, by far the largest, is read on both cores, then checksummed on one
    // while the report is made on the other.
    let tradeBytes = try FileInput.read(options.tradesPath)
    let book = try TradeFileReader.read(bytes: tradeBytes, file: options.tradesPath)
    let tradeDigest = BackgroundWork { SHA256.hexDigest(tradeBytes) }
    log.info("Read \(book.trades.count) trades from \(options.tradesPath)")
    var files = InputFiles(book: book)
    files.tradesDigest = (options.tradesPath, tradeDigest)
    if let path = options.accountsPath {
      files.accounts = try AccountFileReader.read(bytes: read(path), file: path)
      warnAboutAccountNames(files.accounts, book: book, file: path, log: log)
    }
    if let path = options.identicalPath {
      files.identicalGroups = try IdenticalGroupsReader.read(bytes: read(path), file: path)
    }
    if let path = options.otherPath {
      files.other = try OtherAmounts.read(bytes: read(path), file: path)
    }
    if let directory = options.priorPath {
      let (record, path, bytes) = try CarryoverRecord.readPrior(
        directory: directory, reportYear: options.year)
      checksums.add(path: path, bytes: bytes)
      for warning in record.warnings(forFilingStatus: options.filingStatus) {
        log.warning(warning)
      }
      files.carryIn = (record.shortTermCarryover, record.longTermCarryover)
      log.info(
        "Carryover from \(path): short-term \(record.shortTermCarryover), "
          + "long-term \(record.longTermCarryover)")
    } else {
      files.carryIn = (options.shortCarryover ?? .zero, options.longCarryover ?? .zero)
    }
    files.otherChecksums = checksums
    return files
  }
}

/// Account names are matched exactly; a name that differs only in spelling or case would
/// silently make an IRA a taxable account, so both kinds of mismatch are named.
private func warnAboutAccountNames(
  _ accounts: [String: Account], book: TradeBook, file: String, log: Log
) {
  let used = Set(book.accounts.names)
  for name in accounts.keys.sorted() where !used.contains(name) {
    log.warning(
      "\(file) lists account '\(name)', which no trade uses; account names must "
        + "match the trades file exactly")
  }
  let unlisted = book.accounts.names.filter { accounts[$0] == nil }.sorted()
  if !unlisted.isEmpty {
    log.info(
      "Accounts not in \(file), treated as your taxable accounts: "
        + unlisted.joined(separator: ", "))
  }
}

/// Reads whole input files, turning failures into messages that name the file.
enum FileInput {
  static func read(_ path: String) throws(InputError) -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw InputError(
        file: path, line: nil, column: nil, found: nil,
        expected: "an existing file; there is nothing at this path")
    }
    guard !isDirectory.boolValue else {
      throw InputError(
        file: path, line: nil, column: nil, found: nil,
        expected: "a file; this is a folder")
    }
    guard let bytes = readWholeFile(path) else {
      throw InputError(
        file: path, line: nil, column: nil, found: nil,
        expected: "a readable file; it cannot be read (check its permissions)")
    }
    return bytes
  }
}

/// The whole file read straight into one buffer (no `Data` to copy from), or nil when it
/// cannot be opened or read.
private func readWholeFile(_ path: String) -> [UInt8]? {
  let descriptor = open(path, O_RDONLY | O_CLOEXEC)
  guard descriptor >= 0 else { return nil }
  defer { close(descriptor) }
  var info = stat()
  guard fstat(descriptor, &info) == 0 else { return nil }
  // The size is a hint: a pipe reports 0 and a file may grow while it is read.
  let size = max(Int(info.st_size), 0)
  var failed = false
  var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
    count = 0
    guard let base = buffer.baseAddress else { return }
    while count < size {
      let got = read(descriptor, base + count, size - count)
      if got < 0 && errno == EINTR { continue }
      if got < 0 { failed = true }
      if got <= 0 { break }
      count += got
    }
  }
  if failed { return nil }
  var chunk = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
    if got < 0 && errno == EINTR { continue }
    if got < 0 { return nil }
    if got == 0 { return bytes }
    bytes.append(contentsOf: chunk[0..<got])
  }
}
