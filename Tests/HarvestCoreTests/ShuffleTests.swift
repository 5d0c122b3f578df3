import HarvestCore
import SeededRandom
import XCTest

/// Row order carries no meaning beyond the broker's order of one day's trades in one account
/// and symbol, so any other reordering of the file must leave every CSV byte unchanged.
final class ShuffleTests: XCTestCase {
  /// `lines` in a random order that keeps the relative order of rows with the same date,
  /// account and symbol: rows take random places, then each such group is put back into the
  /// places it landed on in its original order.
  static func shuffled(_ lines: [String], _ random: inout SplitMix64) -> [String] {
    var places = Array(lines.indices)
    places.shuffle(using: &random)
    var groups: [String: [Int]] = [:]
    for index in lines.indices {
      let fields = lines[index].split(separator: ",", omittingEmptySubsequences: false)
      groups[
        fields.prefix(4).enumerated().filter { $0.offset != 2 }
          .map { String($0.element) }.joined(separator: ","), default: []
      ].append(index)
    }
    var result = Array(repeating: "", count: lines.count)
    for members in groups.values {
      let spots = members.map { places[$0] }.sorted()
      for (member, spot) in zip(members, spots) { result[spot] = lines[member] }
    }
    return result
  }

  private func outputs(_ csv: String) throws -> [[UInt8]] {
    let book = try TradeFileReader.read(bytes: Array(csv.utf8), file: "trades.csv")
    let report = try YearReportBuilder.build(
      book,
      .init(
        taxYear: 2025, filingStatus: .marriedFilingJointly, accounts: HistoryGenerator.accounts,
        identicalGroups: HistoryGenerator.identical))
    return [
      ReportCSV.form8949(report.rows), ReportCSV.washSales(report.washSales),
      ReportCSV.deferredLosses(report.deferredLosses),
    ]
  }

  func testShufflingRowsChangesNoByteOfTheCSVFiles() throws {
    var washSaleFiles = 0
    for seed in UInt64(1)...150 {
      let csv = HistoryGenerator.csv(seed: seed &+ 5_000, rows: 60)
      var lines = csv.split(separator: "\n").map(String.init)
      let header = lines.removeFirst()
      let expected = try outputs(csv)
      if expected[1].count > 120 { washSaleFiles += 1 }
      var random = SplitMix64(seed: seed)
      for round in 0..<3 {
        let reordered =
          ([header] + ShuffleTests.shuffled(lines, &random))
          .joined(separator: "\n") + "\n"
        let found = try outputs(reordered)
        for (name, pair) in zip(
          ["form8949", "wash-sales", "deferred-losses"],
          zip(expected, found)) where pair.0 != pair.1
        {
          XCTFail(
            "seed \(seed) round \(round): \(name).csv differs\n"
              + String(decoding: pair.0, as: UTF8.self) + "\n---\n"
              + String(decoding: pair.1, as: UTF8.self))
        }
      }
    }
    XCTAssertGreaterThan(washSaleFiles, 100, "most histories should have wash sales")
  }

  func testShufflingHistoriesWithNamedLotsAndTransfersChangesNoByte() throws {
    for seed in UInt64(1)...100 {
      let csv = InvariantTests.historyWithLots(seed: seed, rows: 60)
      var lines = csv.split(separator: "\n").map(String.init)
      let header = lines.removeFirst()
      let expected = try outputs(csv)
      var random = SplitMix64(seed: seed &+ 77)
      let reordered =
        ([header] + ShuffleTests.shuffled(lines, &random))
        .joined(separator: "\n") + "\n"
      XCTAssertEqual(try outputs(reordered), expected, "seed \(seed)")
    }
  }
}
