import Foundation
import SeededRandom
import XCTest

/// `harvest report` as a user runs it: options, bad input, the output folder, determinism.
final class ReportCommandTests: XCTestCase {
  private let header = "date,account,action,symbol,quantity,price,fees\n"

  private func run(
    _ trades: String, _ extra: [String] = [], year: String = "2025"
  ) throws
    -> (status: Int32, out: String)
  {
    let folder = try scratchFolder(self)
    let path = writeFile(folder, "trades.csv", trades)
    let out = folder + "/out"
    let status = harvest(["report", "--year", year, "--trades", path, "--out", out] + extra)
    return (status, out)
  }

  func testBadInputFailsAndWritesNothing() throws {
    let cases: [(String, String)] = [
      ("2025-02-30,Main,buy,ABC,10,10,0", "impossible date"),
      ("2025-02-03,Main,buy,ABC,ten,10,0", "non-numeric quantity"),
      ("2025-02-03,Main,buy,ABC,0,10,0", "zero quantity"),
      ("2025-02-03,Main,buy,ABC,-5,10,0", "negative quantity"),
      ("2025-02-03,Main,buy,ABC,1.123456789,10,0", "too many decimals"),
      ("2025-02-03,Main,split,ABC,2,0,0", "unknown action"),
      ("2025-02-03,Main,sell,ABC,1,10,0", "sell of shares not held"),
    ]
    for (row, what) in cases {
      let (status, out) = try run(header + row + "\n")
      XCTAssertEqual(status, 1, what)
      XCTAssertFalse(FileManager.default.fileExists(atPath: out), "\(what) left output")
    }
    let (missing, out) = try run(
      "date,account,action,symbol,quantity,price\n2025-01-02,A,buy,X,1,1\n")
    XCTAssertEqual(missing, 1)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    let (status, _) = try run(header, ["--filing-status", "married"])
    XCTAssertEqual(status, 2)
  }

  func testNegativeTaxableIncomeAndCarryoversAreAccepted() throws {
    // A $2,000 short-term loss with a $5,000 short-term carryover: line 6 (5,000.00),
    // line 7 (7,000.00), line 21 (3,000.00).
    let trades =
      header + "2025-01-02,Main,buy,ABC,10,500,0\n2025-03-03,Main,sell,ABC,10,300,0\n"
      + "2025-04-15,Main,buy,ZZZ,1,1,0\n"
    let (status, out) = try run(
      trades,
      [
        "--taxable-income", "-1000", "--short-carryover",
        "5000", "--no-pdf",
      ])
    XCTAssertEqual(status, 0)
    let scheduleD = try XCTUnwrap(fileText(out, "schedule-d.csv"))
    XCTAssertTrue(scheduleD.contains("\n6,,,,-5000.00,\n"), scheduleD)
    XCTAssertTrue(scheduleD.contains("\n7,,,,-7000.00,\n"), scheduleD)
    XCTAssertTrue(scheduleD.contains("\n21,,,,-3000.00,\n"), scheduleD)
  }

  func testRoundDollarsRoundsTheWholeReturn() throws {
    // Proceeds $150.60 → $151, cost $100.40 → $100: (h) $51, and Schedule D line 1b adds the
    // rounded row (151 / 100 / 51), not the cents (150.60 / 100.40 / 50.20). A $1,234.50
    // short-term carryover rounds to $1,235 on line 6.
    let trades =
      header + "2025-01-02,Main,buy,ABC,1,100.40,0\n2025-03-03,Main,sell,ABC,1,150.60,0\n"
    let (status, out) = try run(
      trades,
      [
        "--round-dollars", "--short-carryover", "1234.50",
        "--taxable-income", "50000", "--no-pdf",
      ])
    XCTAssertEqual(status, 0)
    let form = try XCTUnwrap(fileText(out, "form8949.csv"))
    XCTAssertTrue(form.hasSuffix(",151.00,100.00,,,51.00\n"), form)
    let scheduleD = try XCTUnwrap(fileText(out, "schedule-d.csv"))
    XCTAssertTrue(scheduleD.contains("\n1b,151.00,100.00,0.00,51.00,\n"), scheduleD)
    XCTAssertTrue(scheduleD.contains("\n6,,,,-1235.00,\n"), scheduleD)
    XCTAssertTrue(scheduleD.contains("\n7,,,,-1184.00,\n"), scheduleD)
  }

  func testANegativeCarryoverIsRefused() throws {
    let (status, _) = try run(header, ["--short-carryover", "-5000"])
    XCTAssertEqual(status, 2)
  }

  func testAYearWithoutTemplatesNeedsNoPDF() throws {
    let trades = header + "2022-01-03,Main,buy,ABC,1,10,0\n2022-03-01,Main,sell,ABC,1,12,0\n"
    let (refused, out) = try run(trades, [], year: "2022")
    XCTAssertEqual(refused, 2)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    let (status, csvOnly) = try run(trades, ["--no-pdf"], year: "2022")
    XCTAssertEqual(status, 0)
    XCTAssertEqual(fileText(csvOnly, "form8949.csv")?.split(separator: "\n").count, 2)
    XCTAssertNil(fileBytes(csvOnly, "form8949.pdf"))
  }

  func testAnEarlierReportIsNeverOverwrittenWithoutForce() throws {
    let trades = header + "2025-01-02,Main,buy,ABC,1,10,0\n2025-03-03,Main,sell,ABC,1,12,0\n"
    let (first, out) = try run(trades, ["--no-pdf"])
    XCTAssertEqual(first, 0)
    let before = fileBytes(out, "form8949.csv")
    let path = (out as NSString).deletingLastPathComponent + "/trades.csv"
    writeFile(
      (out as NSString).deletingLastPathComponent, "trades.csv",
      trades.replacingOccurrences(of: ",12,", with: ",15,"))
    XCTAssertEqual(
      harvest([
        "report", "--year", "2025", "--trades", path, "--out", out,
        "--no-pdf",
      ]), 1)
    XCTAssertEqual(fileBytes(out, "form8949.csv"), before)
    XCTAssertEqual(
      harvest([
        "report", "--year", "2025", "--trades", path, "--out", out,
        "--no-pdf", "--force",
      ]), 0)
    XCTAssertTrue(fileText(out, "form8949.csv")?.contains(",15.00,10.00,,,5.00") == true)
  }

  func testTwoYearsChainThroughPrior() throws {
    // 2024: a $7,000 short-term loss with taxable income $40,000 → deduct $3,000, carry
    // $4,000 short-term (worksheet: L4 3,000, L5 7,000, L8 7,000 − 3,000 = 4,000).
    // 2025: no sales; line 6 shows (4,000.00) and line 21 (3,000.00).
    let folder = try scratchFolder(self)
    let trades = writeFile(
      folder, "trades.csv",
      header
        + "2024-01-02,Main,buy,ABC,100,100,0\n2024-03-01,Main,sell,ABC,100,30,0\n"
        + "2025-06-02,Main,buy,ZZZ,1,1,0\n")
    let first = folder + "/2024", second = folder + "/2025"
    XCTAssertEqual(
      harvest([
        "report", "--year", "2024", "--trades", trades, "--out", first,
        "--taxable-income", "40000", "--no-pdf",
      ]), 0)
    XCTAssertTrue(fileText(first, "carryover-worksheet.csv")?.contains("\n8,4000.00\n") == true)
    XCTAssertEqual(
      harvest([
        "report", "--year", "2025", "--trades", trades, "--out", second,
        "--prior", first, "--no-pdf",
      ]), 0)
    let scheduleD = try XCTUnwrap(fileText(second, "schedule-d.csv"))
    XCTAssertTrue(scheduleD.contains("\n6,,,,-4000.00,\n"), scheduleD)
    XCTAssertTrue(scheduleD.contains("\n21,,,,-3000.00,\n"), scheduleD)
    XCTAssertEqual(
      harvest([
        "report", "--year", "2025", "--trades", trades, "--out",
        folder + "/x", "--prior", first, "--short-carryover", "1",
      ]), 2)
  }

  func testOutputIsTheSameWhateverTheFolderAndRowOrder() throws {
    // Shuffle the example's rows, keeping same-day rows of one account and symbol in order:
    // every CSV and PDF must come out byte for byte the same.
    let folder = try scratchFolder(self)
    let original = try String(
      contentsOfFile: packageRoot + "/Examples/2025/trades.csv",
      encoding: .utf8)
    var lines = original.split(separator: "\n").map(String.init)
    let headerLine = lines.removeFirst()
    var random = SplitMix64(seed: 7)
    var shuffled = lines
    for index in stride(from: shuffled.count - 1, to: 0, by: -1) {
      shuffled.swapAt(index, random.below(index + 1))
    }
    func key(_ line: String) -> String {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      return fields[0] + "|" + fields[1] + "|" + fields[3]
    }
    var queues: [String: [String]] = [:]
    for line in lines { queues[key(line), default: []].append(line) }
    shuffled = shuffled.map { queues[key($0)]!.removeFirst() }
    let shuffledPath = writeFile(
      folder, "shuffled.csv",
      ([headerLine] + shuffled).joined(separator: "\n") + "\n")

    let a = folder + "/a", b = folder + "/elsewhere/deeper/b"
    XCTAssertEqual(harvest(exampleArguments(out: a)), 0)
    XCTAssertEqual(harvest(exampleArguments(out: b, trades: shuffledPath)), 0)
    for name in [
      "form8949.csv", "schedule-d.csv", "wash-sales.csv", "deferred-losses.csv",
      "carryover-worksheet.csv", "form8949.pdf", "schedule-d.pdf",
      "carryover-worksheet.pdf",
    ] {
      let first = try XCTUnwrap(fileBytes(a, name), name)
      XCTAssertEqual(first, fileBytes(b, name), "\(name) changed")
    }
    XCTAssertNotEqual(shuffled, lines, "the shuffle must move rows")
  }

  func testPrivateFilesAreReadableByTheOwnerOnlyAndLogsMaskTheSSN() throws {
    let out = try scratchFolder(self) + "/report"
    XCTAssertEqual(harvest(exampleArguments(out: out)), 0)
    for name in ["form8949.pdf", "schedule-d.pdf"] {
      let attributes = try FileManager.default.attributesOfItem(atPath: out + "/" + name)
      XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600, name)
    }
    let options = try XCTUnwrap(fileText(out, "options.json"))
    XCTAssertTrue(options.contains("***-**-6789"))
    XCTAssertFalse(options.contains("123-45-6789"))
    let everything = try FileManager.default.contentsOfDirectory(atPath: out)
      .filter { !$0.hasSuffix(".pdf") }.compactMap { fileText(out, $0) }.joined()
    XCTAssertFalse(everything.contains("123-45-6789"))
  }

  func testHelpExplainsEveryOption() {
    XCTAssertEqual(harvest(["--help"]), 0)
    XCTAssertEqual(harvest(["report", "--help"]), 0)
    XCTAssertEqual(harvest([]), 2)
    XCTAssertEqual(harvest(["frobnicate"]), 2)
  }
}
