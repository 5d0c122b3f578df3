import Foundation
import XCTest

@testable import HarvestApp

/// The output folder is written all at once, refuses to overwrite, and survives failures.
final class ArchiveReportArchiveTests: XCTestCase {
  private var parent = ""
  private var output: String { parent + "/2025" }

  override func setUpWithError() throws {
    parent = try archiveScratchFolder(self)
  }

  private func assertHoldsReport(
    _ version: String, extra: [String] = [], file: StaticString = #filePath, line: UInt = #line
  ) {
    let expected =
      ([
        "carryover.json", "form8949.csv", "form8949.pdf", "harvest-report.json",
        "schedule-d.csv",
      ] + extra).sorted()
    XCTAssertEqual(archiveEntries(output), expected, file: file, line: line)
    XCTAssertEqual(
      archiveText(output + "/schedule-d.csv"), "schedule d \(version)\n",
      file: file, line: line)
    XCTAssertEqual(
      archiveText(output + "/form8949.pdf"), "pdf \(version)", file: file,
      line: line)
  }

  /// Nothing hidden is left beside the output folder.
  private func assertNoLeftovers(file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(archiveEntries(parent), ["2025"], file: file, line: line)
  }

  private func expectError(
    _ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line
  ) -> ArchiveError? {
    do {
      try body()
      XCTFail("expected an archive error", file: file, line: line)
    } catch let error as ArchiveError {
      return error
    } catch {
      XCTFail("unexpected error \(error)", file: file, line: line)
    }
    return nil
  }

  func testWritesIntoAFolderThatDoesNotExistYet() throws {
    let nested = parent + "/Output/2025"
    let outcome = try ReportArchive.write(archiveReport("v1"), to: nested, force: false)

    XCTAssertEqual(archiveEntries(nested), outcome.files)
    XCTAssertFalse(outcome.replacedEarlierReport)
    XCTAssertEqual(archiveEntries(parent + "/Output"), ["2025"])
    let marker = archiveText(nested + "/harvest-report.json") ?? ""
    XCTAssertTrue(marker.contains("\"format\" : \"harvest-report\""), marker)
    XCTAssertTrue(marker.contains("\"schedule-d.csv\""), marker)
  }

  func testPrivateFilesAreOwnerOnly() throws {
    _ = try ReportArchive.write(archiveReport("v1"), to: output, force: false)
    let pdf = try FileManager.default.attributesOfItem(atPath: output + "/form8949.pdf")
    XCTAssertEqual((pdf[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    let csv = try FileManager.default.attributesOfItem(atPath: output + "/form8949.csv")
    XCTAssertEqual(((csv[.posixPermissions] as? NSNumber)?.intValue ?? 0) & 0o600, 0o600)
  }

  func testAnEmptyFolderIsFine() throws {
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: false)
    _ = try ReportArchive.write(archiveReport("v1"), to: output + "/", force: false)
    assertHoldsReport("v1")
    assertNoLeftovers()
  }

  func testRefusesToOverwriteAReportWithoutForce() throws {
    _ = try ReportArchive.write(archiveReport("v1"), to: output, force: false)
    let error = expectError {
      _ = try ReportArchive.write(
        archiveReport("v2"), to: output,
        force: false)
    }
    XCTAssertEqual(error, .folderNotEmpty(path: output))
    XCTAssertTrue(error?.message.contains("--force") ?? false)
    assertHoldsReport("v1")
    assertNoLeftovers()
  }

  func testForceReplacesAnEarlierReport() throws {
    _ = try ReportArchive.write(
      archiveReport("v1", extra: ["only-in-v1.csv"]), to: output,
      force: false)
    let outcome = try ReportArchive.write(archiveReport("v2"), to: output, force: true)
    XCTAssertTrue(outcome.replacedEarlierReport)
    XCTAssertEqual(outcome.notes, [])
    assertHoldsReport("v2")
    assertNoLeftovers()
  }

  func testForceNeverReplacesAFolderHarvestDidNotWrite() throws {
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: false)
    try Data("mine".utf8).write(to: URL(fileURLWithPath: output + "/notes.txt"))
    let error = expectError {
      _ = try ReportArchive.write(
        archiveReport("v2"), to: output,
        force: true)
    }
    guard case .notAHarvestReport(_, let reason)? = error else {
      return XCTFail("expected notAHarvestReport, got \(String(describing: error))")
    }
    XCTAssertTrue(reason.contains("harvest-report.json"), reason)
    XCTAssertEqual(archiveEntries(output), ["notes.txt"])
    assertNoLeftovers()
  }

  /// A user's own file added to a report folder keeps --force from deleting the folder.
  func testForceRefusesAReportHoldingOtherFiles() throws {
    _ = try ReportArchive.write(archiveReport("v1"), to: output, force: false)
    try Data("mine".utf8).write(to: URL(fileURLWithPath: output + "/my-notes.txt"))
    let error = expectError {
      _ = try ReportArchive.write(
        archiveReport("v2"), to: output,
        force: true)
    }
    guard case .notAHarvestReport(_, let reason)? = error else {
      return XCTFail("expected notAHarvestReport, got \(String(describing: error))")
    }
    XCTAssertTrue(reason.contains("my-notes.txt"), reason)
    assertHoldsReport("v1", extra: ["my-notes.txt"])
    assertNoLeftovers()
  }

  func testAFileInTheWayIsRefused() throws {
    try Data("x".utf8).write(to: URL(fileURLWithPath: output))
    let error = expectError {
      _ = try ReportArchive.write(
        archiveReport("v1"), to: output,
        force: true)
    }
    XCTAssertEqual(error, .notAFolder(path: output))
    XCTAssertEqual(archiveText(output), "x")
  }

  func testFileNamesMustBePlainAndUnique() {
    for names in [["a/b.csv"], [""], [".."], ["harvest-report.json"], ["x.csv", "x.csv"]] {
      let files = names.map { ReportFile(name: $0, bytes: []) }
      let error = expectError { _ = try ReportArchive.write(files, to: output, force: false) }
      XCTAssertEqual(error, .invalidFileName(names.last!))
    }
    XCTAssertEqual(archiveEntries(parent), [])
  }

  /// An error partway through leaves the earlier report untouched and nothing behind.
  func testFailureMidwayLeavesTheEarlierReport() throws {
    _ = try ReportArchive.write(archiveReport("v1"), to: output, force: false)
    var archive = ReportArchive(folder: output, force: true)
    archive.fault = .failAfterFiles(2)
    XCTAssertNotNil(expectError { _ = try archive.write(archiveReport("v2")) })
    assertHoldsReport("v1")
    assertNoLeftovers()
  }

  /// A run stopped after some files (as if killed) leaves the earlier report in place and
  /// a hidden half-written folder, which the next run removes.
  func testStoppedRunIsCleanedUpByTheNextOne() throws {
    _ = try ReportArchive.write(archiveReport("v1"), to: output, force: false)
    var archive = ReportArchive(folder: output, force: true)
    archive.fault = .stopAfterFiles(2)
    XCTAssertNotNil(expectError { _ = try archive.write(archiveReport("v2")) })
    assertHoldsReport("v1")
    let leftovers = archiveEntries(parent).filter { $0.hasPrefix(".2025.harvest-new-") }
    XCTAssertEqual(leftovers.count, 1)

    let outcome = try ReportArchive.write(archiveReport("v3"), to: output, force: true)
    XCTAssertEqual(outcome.notes.count, 1)
    XCTAssertTrue(outcome.notes[0].contains("unfinished report"), outcome.notes[0])
    assertHoldsReport("v3")
    assertNoLeftovers()
  }

  /// Stopped between moving the old report aside and putting the new one in place: the next
  /// run puts the old report back and removes the new one's folder before anything else,
  /// then refuses without --force.
  func testStoppedAfterMovingAsideRestoresTheEarlierReport() throws {
    _ = try ReportArchive.write(archiveReport("v1"), to: output, force: false)
    var archive = ReportArchive(folder: output, force: true)
    archive.fault = .stopAfterMovingAside
    XCTAssertNotNil(expectError { _ = try archive.write(archiveReport("v2")) })
    XCTAssertFalse(archiveEntries(parent).contains("2025"))

    let error = expectError {
      _ = try ReportArchive.write(
        archiveReport("v3"), to: output,
        force: false)
    }
    XCTAssertEqual(error, .folderNotEmpty(path: output))
    assertHoldsReport("v1")
    // The refused run still cleaned up: old report back, the half-written one removed.
    assertNoLeftovers()

    _ = try ReportArchive.write(archiveReport("v3"), to: output, force: true)
    assertHoldsReport("v3")
    assertNoLeftovers()
  }

  /// A leftover of a Harvest run that is still going (here a child running this same
  /// program) is reported, not touched.
  func testLeftoverOfALiveHarvestProcessIsLeftAlone() throws {
    let child = try runningChild(
      URL(fileURLWithPath: CommandLine.arguments[0]),
      [
        "HarvestAppTests.ArchiveLeftoverChild/testChildWaits"
      ])
    defer { child.terminate() }
    let live = parent + "/.2025.harvest-new-\(child.processIdentifier)-7"
    try FileManager.default.createDirectory(atPath: live, withIntermediateDirectories: false)
    let outcome = try ReportArchive.write(archiveReport("v1"), to: output, force: false)
    XCTAssertEqual(outcome.notes.count, 1)
    XCTAssertTrue(outcome.notes[0].contains("still running"), outcome.notes[0])
    XCTAssertTrue(FileManager.default.fileExists(atPath: live))
  }

  /// A process number now used by another program (reused after a reboot) does not keep a
  /// killed run's leftover alive: it is cleaned up.
  func testLeftoverWhoseNumberAnotherProgramUsesIsCleaned() throws {
    let child = try runningChild(URL(fileURLWithPath: "/bin/sleep"), ["30"])
    defer { child.terminate() }
    let stale = parent + "/.2025.harvest-new-\(child.processIdentifier)-7"
    try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: false)
    _ = try ReportArchive.write(archiveReport("v1"), to: output, force: false)
    XCTAssertFalse(FileManager.default.fileExists(atPath: stale))
    assertHoldsReport("v1")
  }

  /// A run killed while deleting the report it replaced left part of it, marker included:
  /// the next run finishes the deletion.
  func testAnInterruptedDeletionIsFinishedByTheNextRun() throws {
    _ = try ReportArchive.write(archiveReport("v2"), to: output, force: false)
    let aside = parent + "/.2025.harvest-old-999999999-7"
    try FileManager.default.createDirectory(atPath: aside, withIntermediateDirectories: false)
    let marker = ReportMarker(files: ["form8949.csv", "schedule-d.csv"])
    try Data(marker.bytes).write(to: URL(fileURLWithPath: aside + "/harvest-report.json"))
    try Data("8949 v1\n".utf8).write(to: URL(fileURLWithPath: aside + "/form8949.csv"))
    _ = try ReportArchive.write(archiveReport("v3"), to: output, force: true)
    XCTAssertFalse(FileManager.default.fileExists(atPath: aside))
    assertHoldsReport("v3")
  }

  private func runningChild(_ program: URL, _ arguments: [String]) throws -> Process {
    let child = Process()
    child.executableURL = program
    child.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment[ArchiveLeftoverChild.variable] = "1"
    child.environment = environment
    child.standardOutput = FileHandle.nullDevice
    child.standardError = FileHandle.nullDevice
    try child.run()
    return child
  }

  /// A leftover hidden folder holding something Harvest did not write is not emptied.
  func testLeftoverWithForeignFilesIsKept() throws {
    let stale = parent + "/.2025.harvest-new-999999999-7"
    try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: false)
    try Data("mine".utf8).write(to: URL(fileURLWithPath: stale + "/keep.txt"))
    let outcome = try ReportArchive.write(archiveReport("v1"), to: output, force: false)
    XCTAssertEqual(outcome.notes.count, 1)
    XCTAssertTrue(outcome.notes[0].contains("did not write"), outcome.notes[0])
    XCTAssertEqual(archiveText(stale + "/keep.txt"), "mine")
  }
}

/// Stands in for a Harvest run that is still going, as the child of a test above.
final class ArchiveLeftoverChild: XCTestCase {
  static let variable = "HARVEST_ARCHIVE_WAITING_CHILD"

  func testChildWaits() throws {
    guard ProcessInfo.processInfo.environment[ArchiveLeftoverChild.variable] == "1" else {
      throw XCTSkip("runs only as the child process of the archive leftover tests")
    }
    Thread.sleep(forTimeInterval: 30)
  }
}
