import HarvestCore
import SeededRandom
import XCTest

/// Random trade histories that are valid: every sale sells shares that are held.
struct HistoryGenerator {
  /// The accounts of every generated history: two taxable ones (one the spouse's) and an IRA.
  static let accounts: [String: Account] = [
    "Main": Account(name: "Main"),
    "Joint": Account(name: "Joint", kind: .taxable, owner: .spouse),
    "Retire": Account(name: "Retire", kind: .ira),
  ]
  /// VOO and IVV are declared substantially identical.
  static let identical = ["VOO": "sp500", "IVV": "sp500"]
  static let symbols = ["ABC", "XYZ", "VOO", "IVV"]

  /// One history as a trades file: rows in date order, from mid-November 2024 to January 2026,
  /// so that December losses meet January purchases on both year boundaries.
  static func csv(seed: UInt64, rows: Int) -> String {
    var random = SplitMix64(seed: seed)
    var held: [String: Int64] = [:]
    var prices: [String: Int64] = [:]
    for symbol in symbols { prices[symbol] = 2_000 + Int64(random.below(8_000)) }
    var day = CivilDate(iso: "2024-11-15")!
    var text = "date,account,action,symbol,quantity,price,fees,description\n"
    for _ in 0..<rows {
      if random.chance(40) { day = day.adding(days: 1 + random.below(6)) }
      let account = random.pick(["Main", "Main", "Joint", "Retire"])
      let symbol = random.pick(symbols)
      let key = account + "/" + symbol
      let price = max(1, prices[symbol]! + Int64(random.below(801)) - 420)
      prices[symbol] = price
      let fees = random.chance(30) ? Int64(random.below(1_000)) : 0
      let owned = held[key, default: 0]
      let quantity: Int64
      let action: String
      if owned > 0 && random.chance(45) {
        quantity = random.chance(50) ? owned : 1 + Int64(random.below(Int(owned)))
        action = "sell"
      } else {
        let whole = 1 + Int64(random.below(40))
        quantity = whole * Shares.scale / (random.chance(10) ? 4 : 1)
        action = "buy"
      }
      held[key] = owned + (action == "buy" ? quantity : -quantity)
      let description = random.chance(5) ? random.pick(["=1+2", "@SUM(A1)", "-x", "ok, fine"]) : ""
      text +=
        "\(day),\(account),\(action),\(symbol),\(Shares(units: quantity)),"
        + "\(Price(micros: price * 10_000)),\(Money(cents: fees)),"
        + (description.contains(",") ? "\"\(description)\"" : description) + "\n"
    }
    return text
  }
}

/// Hostile and broken trades files: each must be refused with messages naming the file, or
/// give a report whose figures add up. None may crash or hang.
final class FuzzTests: XCTestCase {
  static let edgeValues = [
    "", " ", "0", "-1", "(5.00)", "(0.00)", "-0", "$", "$-1", "1,2", "1,,000", "1e5", "NaN",
    "99999999999999999999", "9223372036854775807", "0.000000001", "1.0000000000000", ".", "-.",
    "2025-02-30", "2025-13-01", "0000-01-01", "9999-12-31", "2024-02-29", "25-01-01",
    "buy", "sell", "SELL", "split", "\"", "\"\"", "=cmd|' /C calc'!A0", "+1", "@x", "\t-2",
    "\u{0}", "\u{1B}[2J", "\u{202E}", "ÄÖÜ", String(repeating: "9", count: 300),
    "10,000,000,000", "1000000000", "$1,000,000,000.00", "INHERITED", "1099-DA", "digital",
  ]

  /// One malformed or edge-case input, chosen by the seed.
  static func hostileInput(seed: UInt64) -> [UInt8] {
    var random = SplitMix64(seed: seed)
    let valid = HistoryGenerator.csv(seed: seed &* 31, rows: 6 + random.below(20))
    var lines = valid.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    switch random.below(8) {
    case 0:
      var bytes = Array(valid.utf8)
      for _ in 0..<(1 + random.below(8)) where !bytes.isEmpty {
        let index = random.below(bytes.count)
        switch random.below(4) {
        case 0: bytes[index] = UInt8(truncatingIfNeeded: random.next())
        case 1: bytes.remove(at: index)
        case 2: bytes.insert(random.pick(Array(",\"\r\n$()-.0".utf8)), at: index)
        default: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: index)
        }
      }
      return bytes
    case 1:
      let index = 1 + random.below(lines.count - 1)
      var fields = lines[index].split(separator: ",", omittingEmptySubsequences: false)
        .map(String.init)
      if !fields.isEmpty {
        let value = random.pick(edgeValues)
        fields[random.below(fields.count)] =
          value.contains(",") || value.contains("\"")
          ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
      }
      lines[index] = fields.joined(separator: ",")
    case 2:
      let index = 1 + random.below(lines.count - 1)
      lines[index] = String(lines[index].prefix(random.below(lines[index].count + 1)))
    case 3:
      lines.insert(lines[0], at: random.below(lines.count + 1))
      if random.chance(50) { lines[0] += ",Fees" }
    case 4:
      lines.reverse()
    case 5:
      let garbage = (0..<random.below(400)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      return (random.chance(50) ? Array((lines[0] + "\n").utf8) : []) + garbage
    case 6:
      lines.insert(
        random.pick(["Total,,,,,,,", "Report for Joe", ",,,", "\"unclosed,"]),
        at: random.below(lines.count + 1))
    default:
      for index in 1..<lines.count where random.chance(25) {
        lines[index] = lines[index].replacingOccurrences(of: ",buy,", with: ",sell,")
      }
    }
    return Array(lines.joined(separator: random.chance(20) ? "\r\n" : "\n").utf8)
  }

  func testTenThousandHostileInputsAreRefusedOrReportedConsistently() throws {
    var refused = 0, reported = 0
    let options = YearReportBuilder.Options(
      taxYear: 2025, filingStatus: .marriedFilingJointly, accounts: HistoryGenerator.accounts,
      identicalGroups: HistoryGenerator.identical)
    for seed in UInt64(1)...10_000 {
      let bytes = FuzzTests.hostileInput(seed: seed)
      do {
        let book = try TradeFileReader.read(bytes: bytes, file: "trades.csv")
        let report = try YearReportBuilder.build(book, options)
        FuzzTests.checkReport(report, seed: seed)
        reported += 1
      } catch {
        FuzzTests.checkRefusal(error, seed: seed)
        refused += 1
      }
    }
    XCTAssertEqual(refused + reported, 10_000)
    XCTAssertGreaterThan(refused, 1_000, "the fuzz cases should mostly be refused")
    XCTAssertGreaterThan(reported, 500, "some fuzz cases should still be valid")
  }

  static func checkRefusal(_ error: InputErrors, seed: UInt64) {
    XCTAssertFalse(error.errors.isEmpty, "seed \(seed): no messages")
    XCTAssertLessThanOrEqual(error.errors.count, TradeFileReader.errorLimit, "seed \(seed)")
    for message in error.errors.map(\.message) {
      XCTAssertTrue(message.hasPrefix("trades.csv:"), "seed \(seed): \(message)")
      XCTAssertFalse(message.contains("\n"), "seed \(seed): \(message)")
    }
  }

  /// The figures of every row add up, and no output cell could start a spreadsheet formula.
  static func checkReport(_ report: YearReport, seed: UInt64) {
    var gain = Money.zero, proceeds = Money.zero, cost = Money.zero, adjustment = Money.zero
    for row in report.rows {
      XCTAssertEqual(row.gainLoss, row.proceeds - row.costBasis + row.adjustment, "seed \(seed)")
      XCTAssertEqual(row.code == "W", row.adjustment > .zero, "seed \(seed)")
      XCTAssertFalse(row.adjustment.isNegative, "seed \(seed)")
      gain += row.gainLoss
      proceeds += row.proceeds
      cost += row.costBasis
      adjustment += row.adjustment
    }
    XCTAssertEqual(gain, proceeds - cost + adjustment, "seed \(seed)")
    let washed = report.washSales.reduce(Money.zero) { $0 + $1.disallowed }
    XCTAssertEqual(washed, adjustment, "seed \(seed): wash-sales.csv against column (g)")
    for file in [
      ReportCSV.form8949(report.rows), ReportCSV.washSales(report.washSales),
      ReportCSV.deferredLosses(report.deferredLosses),
    ] {
      checkNoFormulaCells(file, seed: seed)
    }
  }

  static func checkNoFormulaCells(_ bytes: [UInt8], seed: UInt64) {
    var reader = CSVReader(bytes: bytes)
    var fields: [CSVReader.Field] = []
    do {
      while try reader.next(into: &fields) != nil {
        for field in fields {
          guard let text = reader.text(of: field), let first = text.unicodeScalars.first else {
            continue
          }
          guard "=+-@\t\r".unicodeScalars.contains(first) else { continue }
          XCTAssertNotNil(Double(text), "seed \(seed): formula-like cell \(text)")
        }
      }
    } catch {
      XCTFail("seed \(seed): Harvest wrote CSV it cannot read back: \(error.message)")
    }
  }
}
