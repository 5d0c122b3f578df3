import Foundation
import XCTest

@testable import HarvestApp

/// A fresh folder under the system temporary folder, removed when the test ends.
func archiveScratchFolder(_ test: XCTestCase) throws -> String {
  let path = NSTemporaryDirectory() + "harvest-archive-tests-" + UUID().uuidString
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
  return path
}

/// The names in a folder, sorted, hidden ones included.
func archiveEntries(_ path: String) -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
}

/// A file's text, or nil when it cannot be read.
func archiveText(_ path: String) -> String? {
  FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

/// A small report whose every file says which version it is.
func archiveReport(_ version: String, extra: [String] = []) -> [ReportFile] {
  var files = [
    ReportFile(name: "schedule-d.csv", bytes: Array("schedule d \(version)\n".utf8)),
    ReportFile(name: "form8949.csv", bytes: Array("8949 \(version)\n".utf8)),
    ReportFile(name: "form8949.pdf", bytes: Array("pdf \(version)".utf8), isPrivate: true),
    ReportFile(name: "carryover.json", bytes: Array("{\"v\":\"\(version)\"}\n".utf8)),
  ]
  for name in extra { files.append(ReportFile(name: name, bytes: Array(version.utf8))) }
  return files
}
