import Foundation
import XCTest

@testable import HarvestApp

/// A real SIGKILL in the middle of a `--force` run: the test binary runs itself as a child
/// that writes a report and kills itself after two files.
final class ArchiveKilledRunTests: XCTestCase {
  private static let folderVariable = "HARVEST_ARCHIVE_KILL_FOLDER"

  func testKilledRunLeavesTheEarlierReport() throws {
    let parent = try archiveScratchFolder(self)
    let output = parent + "/2025"
    _ = try ReportArchive.write(archiveReport("v1"), to: output, force: false)

    let child = Process()
    child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    child.arguments = ["HarvestAppTests.ArchiveKilledRunTests/testChildWritesAndIsKilled"]
    var environment = ProcessInfo.processInfo.environment
    environment[ArchiveKilledRunTests.folderVariable] = output
    child.environment = environment
    child.standardOutput = FileHandle.nullDevice
    child.standardError = FileHandle.nullDevice
    try child.run()
    child.waitUntilExit()
    XCTAssertEqual(child.terminationReason, .uncaughtSignal)
    XCTAssertEqual(child.terminationStatus, SIGKILL)

    XCTAssertEqual(archiveText(output + "/schedule-d.csv"), "schedule d v1\n")
    XCTAssertEqual(archiveText(output + "/form8949.pdf"), "pdf v1")
    let prefix = ".2025.harvest-new-\(child.processIdentifier)-"
    let staged = archiveEntries(parent).filter { $0.hasPrefix(prefix) }
    XCTAssertEqual(staged.count, 1, "the killed run's half-written folder")
    if let folder = staged.first {
      XCTAssertEqual(
        archiveEntries(parent + "/" + folder),
        ["form8949.csv", "harvest-report.json", "schedule-d.csv"])
    }

    let outcome = try ReportArchive.write(archiveReport("v3"), to: output, force: true)
    XCTAssertEqual(outcome.notes.count, 1)
    XCTAssertEqual(archiveEntries(parent), ["2025"])
    XCTAssertEqual(archiveText(output + "/schedule-d.csv"), "schedule d v3\n")
  }

  /// Runs only as the child of `testKilledRunLeavesTheEarlierReport`.
  func testChildWritesAndIsKilled() throws {
    guard let output = ProcessInfo.processInfo.environment[ArchiveKilledRunTests.folderVariable]
    else {
      throw XCTSkip("runs only as the child process of testKilledRunLeavesTheEarlierReport")
    }
    var archive = ReportArchive(folder: output, force: true)
    archive.fault = .killAfterFiles(2)
    _ = try archive.write(archiveReport("v2"))
    XCTFail("the write should have been killed")
  }
}
