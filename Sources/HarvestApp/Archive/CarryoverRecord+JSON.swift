import Foundation
import HarvestCore

extension CarryoverRecord {
  /// `carryover.json` as written into the report: keys sorted, two-space indented, one
  /// trailing line break, no timestamp, so the same return always gives the same bytes.
  ///
  /// - Throws: an encoding error, which the record's plain fields cannot produce.
  public func jsonBytes() throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(10)
    return [UInt8](data)
  }

  /// Reads a `carryover.json`.
  ///
  /// - Parameters:
  ///   - bytes: the file's contents.
  ///   - file: its path as the user would recognise it, for messages.
  /// - Throws: `InputError` naming the field that is missing or wrong, or saying the file is
  ///   not JSON.
  public static func read(bytes: [UInt8], file: String) throws(InputError) -> CarryoverRecord {
    do {
      return try JSONDecoder().decode(CarryoverRecord.self, from: Data(bytes))
    } catch let error as DecodingError {
      throw inputError(error, file: file)
    } catch {
      throw InputError(
        file: file, line: nil, column: nil, found: nil,
        expected: "a carryover.json written by Harvest")
    }
  }

  /// Reads `DIR/carryover.json` of last year's report folder (`--prior DIR`) and checks that
  /// it is the year before `reportYear`.
  ///
  /// - Parameters:
  ///   - directory: the prior report folder.
  ///   - reportYear: the year being reported.
  /// - Returns: the record and the path it was read from (for checksums and messages).
  /// - Throws: `InputError` when the folder or file is missing or unreadable, the file is
  ///   malformed, or it holds another year.
  public static func readPrior(
    directory: String, reportYear: Int
  ) throws(InputError) -> (record: CarryoverRecord, path: String, bytes: [UInt8]) {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder),
      isFolder.boolValue
    else {
      throw InputError(
        file: directory, line: nil, column: nil, found: nil,
        expected: "last year's Harvest report folder for --prior; there is no "
          + "folder at this path")
    }
    let path = (directory.hasSuffix("/") ? directory : directory + "/") + fileName
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(
        file: path, line: nil, column: nil, found: nil,
        expected: "a readable carryover.json; --prior needs a folder written "
          + "by harvest report, or give --short-carryover and --long-carryover")
    }
    let bytes = [UInt8](data)
    let record = try read(bytes: bytes, file: path)
    try record.checkPrecedes(reportYear: reportYear, file: path)
    return (record, path, bytes)
  }

  private static func inputError(_ error: DecodingError, file: String) -> InputError {
    func field(_ path: [any CodingKey]) -> String? {
      path.last.map(\.stringValue)
    }
    switch error {
    case .keyNotFound(let key, _):
      return InputError(
        file: file, line: nil, column: key.stringValue, found: nil,
        expected: "the field \(key.stringValue); it is missing")
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return InputError(
        file: file, line: nil, column: field(context.codingPath), found: nil,
        expected: "a value of the right kind (amounts are strings such as "
          + "\"-3000.00\")")
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty {
        return InputError(
          file: file, line: nil, column: nil, found: nil,
          expected: "JSON text written by Harvest; the file is not valid JSON")
      }
      return InputError(
        file: file, line: nil, column: field(context.codingPath), found: nil,
        expected: context.debugDescription)
    @unknown default:
      return InputError(
        file: file, line: nil, column: nil, found: nil,
        expected: "a carryover.json written by Harvest")
    }
  }
}
