import Foundation
import HarvestCore
import HarvestRender
import XCTest

/// Not a unit test: measures Form 8949 pages per second and peak memory for 100,000 rows
/// when `HARVEST_BENCH=1`, printing the figures on standard error. Run it with
/// `scripts/bench-render.sh`, which builds in release mode.
final class RenderBenchmark: XCTestCase {
  func testRenderHundredThousandRows() throws {
    guard ProcessInfo.processInfo.environment["HARVEST_BENCH"] == "1" else {
      throw XCTSkip("benchmark: set HARVEST_BENCH=1 (scripts/bench-render.sh)")
    }
    let count = Int(ProcessInfo.processInfo.environment["HARVEST_BENCH_ROWS"] ?? "") ?? 100_000
    let boxes: [Form8949Box] = [.a, .b, .d, .e]
    let start = CivilDate(iso: "2025-01-01")!
    let rows = (0..<count).map { index in
      Form8949Row(
        box: boxes[index % boxes.count], description: "\(index % 900 + 1) sh SYM\(index % 97)",
        dateAcquired: .date(start.adding(days: -(index % 700))),
        dateSold: start.adding(days: index % 360),
        proceeds: Money(cents: Int64(index) * 7_919 % 50_000_000),
        costBasis: Money(cents: Int64(index) * 6_007 % 50_000_000),
        code: index % 17 == 0 ? "W" : "", adjustment: Money(cents: index % 17 == 0 ? 1_234 : 0))
    }
    let document = Form8949Document(
      taxYear: 2025, name: "Bench Mark", ssn: "000-00-0000",
      rows: rows)
    let pages = document.pages(rowsPerPage: 11).count
    var written = 0
    var samples: [String] = []
    let clock = ContinuousClock()
    let began = clock.now
    try TestSupport.renderer.form8949(document) { chunk in
      written += chunk.count
    }
    let seconds = (clock.now - began) / .seconds(1)
    samples.append("peak RSS \(Self.peakResidentMegabytes()) MB")
    FileHandle.standardError.write(
      Data(
        """
        bench: \(count) rows, \(pages) pages, \(written / 1_000_000) MB PDF in \
        \(String(format: "%.2f", seconds)) s = \(Int(Double(pages) / seconds)) pages/s; \
        \(samples.joined(separator: ", "))\n
        """.utf8))
    XCTAssertGreaterThan(written, 0)
  }

  /// The process's peak resident set size so far, from /proc/self/status (VmHWM).
  static func peakResidentMegabytes() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
    let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    return kilobytes / 1024
  }
}
