import Foundation
import XCTest

@testable import HarvestApp

/// The package's root folder, found from this file's place in Tests/HarvestAppTests.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().path

/// A fresh folder for one test's files, removed when the test ends.
func scratchFolder(_ test: XCTestCase) throws -> String {
  let path = NSTemporaryDirectory() + "harvest-report-tests-" + UUID().uuidString
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
  return path
}

/// Writes `text` to `folder/name` and returns the path.
@discardableResult
func writeFile(_ folder: String, _ name: String, _ text: String) -> String {
  let path = folder + "/" + name
  XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)), path)
  return path
}

/// Runs `harvest` in-process with the package's templates; returns the exit status.
func harvest(_ arguments: [String]) -> Int32 {
  var arguments = arguments
  if arguments.first == "report" && !arguments.contains("--templates") {
    arguments += ["--templates", packageRoot + "/Templates"]
  }
  return HarvestCommand.run(arguments)
}

/// The text of a file in a folder.
func fileText(_ folder: String, _ name: String) -> String? {
  FileManager.default.contents(atPath: folder + "/" + name).map {
    String(decoding: $0, as: UTF8.self)
  }
}

/// The bytes of a file in a folder.
func fileBytes(_ folder: String, _ name: String) -> [UInt8]? {
  FileManager.default.contents(atPath: folder + "/" + name).map { [UInt8]($0) }
}

/// Runs a program and returns its standard output, or nil when it is not installed.
func runTool(_ tool: String, _ arguments: [String]) -> String? {
  let candidates = ["/usr/bin/" + tool, "/usr/local/bin/" + tool]
  guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) })
  else { return nil }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = FileHandle.nullDevice
  do { try process.run() } catch { return nil }
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return String(decoding: data, as: UTF8.self)
}

/// The arguments that report the bundled example year, as `make report` does.
func exampleArguments(out: String, trades: String? = nil) -> [String] {
  let example = packageRoot + "/Examples/2025/"
  return [
    "report", "--year", "2025", "--trades", trades ?? example + "trades.csv",
    "--accounts", example + "accounts.csv", "--identical", example + "identical.csv",
    "--filing-status", "mfj", "--taxable-income", "85000", "--name", "Alex and Sam Example",
    "--ssn", "123-45-6789", "--out", out,
  ]
}
