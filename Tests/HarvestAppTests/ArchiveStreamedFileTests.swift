import Foundation
import HarvestCore
import XCTest

@testable import HarvestApp

/// Streamed files are made in pieces on two workers and written in order: each file must hold
/// exactly its table's bytes, whatever the piece size, and one file's failure must not stop
/// or corrupt the others.
final class ArchiveStreamedFileTests: XCTestCase {
  /// A table of `rows` numbered rows, `rowsPerPiece` to a piece; each row says which file
  /// and row it is, so a piece out of place changes the bytes.
  private func numbered(_ name: String, rows: Int, rowsPerPiece: Int) -> CSVTable {
    CSVTable(header: ["file", "row"], rowCount: rows, rowsPerPiece: rowsPerPiece) {
      range, writer in
      for index in range {
        writer.text(name, fromUser: false)
        writer.shares(Shares(whole: Int64(index)))
        writer.endRow()
      }
    }
  }

  func testEveryFileHoldsItsTableInOrder() throws {
    let folder = try archiveScratchFolder(self)
    let tables = [
      ("one.csv", numbered("one", rows: 1_000, rowsPerPiece: 1)),
      ("empty.csv", numbered("empty", rows: 0, rowsPerPiece: 5)),
      ("some.csv", numbered("some", rows: 5_003, rowsPerPiece: 7)),
      ("big.csv", numbered("big", rows: 20_000, rowsPerPiece: CSVTable.defaultRowsPerPiece)),
    ]
    let files = tables.map { StreamedReportFile(name: $0.0, table: $0.1) }
    let flusher = FileFlusher()
    let errors = StreamedReportFile.createAll(files, in: folder, flusher: flusher)
    try flusher.wait()
    XCTAssertEqual(errors.compactMap { $0 }.count, 0)
    for (name, table) in tables {
      let written = FileManager.default.contents(atPath: folder + "/" + name).map(Array.init)
      XCTAssertEqual(written, table.bytes, name)
    }
    // Hand-checked: the header, then row 0 … row 4 of the file "some".
    XCTAssertTrue(
      archiveText(folder + "/some.csv")?.hasPrefix("file,row\nsome,0\nsome,1\n") ?? false)
    XCTAssertEqual(archiveText(folder + "/empty.csv"), "file,row\n")
  }

  func testAFileThatCannotBeCreatedLeavesTheOthersWhole() throws {
    let folder = try archiveScratchFolder(self)
    // The file exists already, and streamed files are only ever created new.
    try Data("earlier\n".utf8).write(to: URL(fileURLWithPath: folder + "/taken.csv"))
    let first = numbered("first", rows: 300, rowsPerPiece: 3)
    let last = numbered("last", rows: 300, rowsPerPiece: 4)
    let files = [
      StreamedReportFile(name: "first.csv", table: first),
      StreamedReportFile(name: "taken.csv", table: numbered("taken", rows: 300, rowsPerPiece: 2)),
      StreamedReportFile(name: "last.csv", table: last),
    ]
    let flusher = FileFlusher()
    let errors = StreamedReportFile.createAll(files, in: folder, flusher: flusher)
    try flusher.wait()
    XCTAssertNil(errors[0])
    XCTAssertNotNil(errors[1])
    XCTAssertNil(errors[2])
    XCTAssertEqual(archiveText(folder + "/taken.csv"), "earlier\n")
    XCTAssertEqual(
      FileManager.default.contents(atPath: folder + "/first.csv").map(Array.init), first.bytes)
    XCTAssertEqual(
      FileManager.default.contents(atPath: folder + "/last.csv").map(Array.init), last.bytes)
  }

  func testTheFlusherReportsTheFailureEarliestInTheArchive() throws {
    let folder = try archiveScratchFolder(self)
    let kept = folder + "/kept.csv"
    try Data("kept\n".utf8).write(to: URL(fileURLWithPath: kept))
    let flusher = FileFlusher()
    // Handed over out of archive order, as streamed files finish: the error named is the
    // one of file number 1, not the first one handed over.
    flusher.flush(open(kept, O_RDONLY), path: kept, order: 0)
    flusher.flush(-1, path: folder + "/third.csv", order: 2)
    flusher.flush(-1, path: folder + "/second.csv", order: 1)
    XCTAssertThrowsError(try flusher.wait()) { error in
      XCTAssertTrue("\(error)".contains("second.csv"), "\(error)")
    }
    let fine = FileFlusher()
    fine.flush(open(kept, O_RDONLY), path: kept, order: 0)
    XCTAssertNoThrow(try fine.wait())
  }
}
