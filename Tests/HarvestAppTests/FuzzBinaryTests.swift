import Foundation
import SeededRandom
import XCTest

/// Hostile trades files through the built `harvest` binary: every run must end with status 0
/// and a report, or status 1 with a message and no output folder; never with a signal.
final class FuzzBinaryTests: XCTestCase {
  private static let validFile = """
    date,account,action,symbol,quantity,price,fees,description
    2024-11-20,Main,buy,ABC,100,50.00,1.00,
    2024-12-10,Main,sell,ABC,40,41.25,1.00,
    2024-12-28,Other,buy,ABC,30,40.00,0,
    2025-01-15,Main,buy,XYZ,10.5,$1000.00,$2.50,"XYZ, class B"
    2025-03-03,Main,sell,ABC,60,39.00,0,
    2025-03-20,Other,buy,ABC,25,38.10,0,
    2025-06-30,Main,sell,XYZ,10.5,"1,010.00",0,
    2025-12-15,Other,sell,ABC,55,30.00,0,=cmd()
    2026-01-05,Main,buy,ABC,10,29.00,0,
    """

  private static let edgeValues = [
    "", "0", "-1", "(5.00)", "(0.00)", "$", "1,2", "1e5", "99999999999999999999",
    "2025-02-30", "split", "\"", "=1+1", "\u{1B}[2J", "10,000,000,000", "1000000000", "sell",
  ]

  private static func hostileInput(seed: UInt64) -> [UInt8] {
    var random = SplitMix64(seed: seed)
    var lines = validFile.split(separator: "\n").map(String.init)
    switch random.below(7) {
    case 0:
      var bytes = Array(validFile.utf8)
      for _ in 0..<(1 + random.below(6)) {
        bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
      }
      return bytes
    case 1:
      let index = 1 + random.below(lines.count - 1)
      var fields = lines[index].split(separator: ",", omittingEmptySubsequences: false)
        .map(String.init)
      fields[random.below(fields.count)] = random.pick(edgeValues)
      lines[index] = fields.joined(separator: ",")
    case 2:
      let index = 1 + random.below(lines.count - 1)
      lines[index] = String(lines[index].prefix(random.below(lines[index].count)))
    case 3:
      lines.insert(lines[0], at: 1 + random.below(lines.count))
    case 4:
      lines.swapAt(1, 2)
    case 5:
      return (0..<(1 + random.below(300))).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    default:
      lines.append(random.pick(["Total,,,,,,,", "Total,,,,,,", "\"unclosed"]))
    }
    return Array(lines.joined(separator: "\n").utf8)
  }

  /// The `harvest` executable built beside this test bundle, or nil.
  private static func harvestBinary() -> String? {
    let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidate = bundleFolder.appendingPathComponent("harvest").path
    return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
  }

  func testHundredHostileFilesThroughTheBinary() throws {
    guard let binary = FuzzBinaryTests.harvestBinary() else {
      throw XCTSkip(
        "no harvest executable beside the test bundle; build it with "
          + "`swift build --product harvest` using the same build folder")
    }
    let folder = NSTemporaryDirectory() + "harvest-fuzz-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }

    var succeeded = 0, refused = 0
    for seed in UInt64(1)...100 {
      let trades = folder + "/trades-\(seed).csv"
      let out = folder + "/out-\(seed)"
      let log = folder + "/stderr-\(seed).txt"
      XCTAssertTrue(
        FileManager.default.createFile(
          atPath: trades, contents: Data(FuzzBinaryTests.hostileInput(seed: seed))))
      XCTAssertTrue(FileManager.default.createFile(atPath: log, contents: nil))

      let process = Process()
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments = [
        "report", "--year", "2025", "--trades", trades, "--out", out,
        "--no-pdf",
      ]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
      try process.run()
      // A guard against a hang, not a timing check: no run should come near it.
      let deadline = Date().addingTimeInterval(120)
      while process.isRunning && Date() < deadline { usleep(10_000) }
      if process.isRunning {
        process.terminate()
        XCTFail("seed \(seed): harvest still running after two minutes")
        continue
      }
      let messages = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""

      XCTAssertEqual(
        process.terminationReason, .exit,
        "seed \(seed): harvest died from signal \(process.terminationStatus)")
      XCTAssertFalse(messages.contains("Fatal error"), "seed \(seed): \(messages)")
      switch process.terminationStatus {
      case 0:
        succeeded += 1
        XCTAssertTrue(
          FileManager.default.fileExists(atPath: out + "/form8949.csv"),
          "seed \(seed): success without form8949.csv")
      case 1:
        refused += 1
        XCTAssertTrue(messages.contains("error: "), "seed \(seed): no message: \(messages)")
        XCTAssertFalse(
          FileManager.default.fileExists(atPath: out),
          "seed \(seed): a failed run left \(out)")
      default:
        XCTFail("seed \(seed): exit status \(process.terminationStatus): \(messages)")
      }
    }
    XCTAssertEqual(succeeded + refused, 100)
    XCTAssertGreaterThan(refused, 20)
  }
}
