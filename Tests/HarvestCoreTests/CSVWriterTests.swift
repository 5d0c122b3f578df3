import XCTest

@testable import HarvestCore

/// The CSV writer's fields, each expected figure written out by hand.
final class CSVWriterTests: XCTestCase {
  private func line(_ build: (inout CSVWriter) -> Void) -> String {
    var writer = CSVWriter(capacity: 4)
    build(&writer)
    writer.endRow()
    return writer.text
  }

  func testAmountsAreSignedDecimalsWithTwoPlaces() {
    let text = line { writer in
      for cents: Int64 in [-25_000, 5, 0, 123_456_789, -1, .max] {
        writer.money(Money(cents: cents))
      }
      writer.money(nil)
    }
    XCTAssertEqual(text, "-250.00,0.05,0.00,1234567.89,-0.01,92233720368547758.07,\n")
  }

  func testSharesDropTrailingZeros() {
    let text = line { writer in
      for units: Int64 in [10_000_000_000, 50_000_000, 1, 1_234_567_890, -150_000_000, 0] {
        writer.shares(Shares(units: units))
      }
    }
    XCTAssertEqual(text, "100,0.5,0.00000001,12.3456789,-1.5,0\n")
  }

  func testDatesAreZeroPadded() {
    let text = line { writer in
      writer.date(CivilDate(year: 2025, month: 12, day: 31)!)
      writer.date(CivilDate(year: 999, month: 1, day: 2)!)
      writer.holding(.inherited)
    }
    XCTAssertEqual(text, "2025-12-31,0999-01-02,INHERITED\n")
  }

  /// Dates from 1990 through 2089 come from a table, others are worked out: both sides of
  /// each end of the table, in both formats.
  func testDatesAtTheEndsOfTheTable() {
    let days = ["1989-12-31", "1990-01-01", "2089-12-31", "2090-01-01", "2024-02-29"]
    let text = line { writer in
      for day in days { writer.date(CivilDate(iso: day)!) }
      writer.beginField()
      for day in days {
        writer.appendUSDate(CivilDate(iso: day)!)
        writer.append(" ")
      }
    }
    XCTAssertEqual(
      text,
      "1989-12-31,1990-01-01,2089-12-31,2090-01-01,2024-02-29,"
        + "12/31/1989 01/01/1990 12/31/2089 01/01/2090 02/29/2024 \n")
  }

  func testUserTextIsQuotedAndNeutralized() {
    let text = line { writer in
      for field in ["a,b", "=SUM(A1)", "-5", "+2.5", "-", "q\"t", "@x,y", "plain", ""] {
        writer.text(field)
      }
      writer.text("=not user", fromUser: false)
    }
    XCTAssertEqual(
      text,
      "\"a,b\",'=SUM(A1),-5,+2.5,'-,\"q\"\"t\",\"'@x,y\",plain,,=not user\n")
  }

  func testGeneratedDescriptions() {
    let text = line { writer in
      writer.generatedDescription(Shares(whole: 100), symbol: "XYZ", units: false)
      writer.generatedDescription(Shares(units: 50_000_000), symbol: "BTC", units: true)
      writer.generatedDescription(Shares(whole: 3), symbol: "A\"B,C", units: false)
    }
    XCTAssertEqual(text, "100 sh XYZ,0.5 BTC,\"3 sh A\"\"B,C\"\n")
  }

  func testFieldsWrittenPieceByPiece() {
    let text = line { writer in
      writer.text("first", fromUser: false)
      writer.beginField()
      writer.append(byte: UInt8(ascii: "\""))
      writer.append(escaping: "Q\"T")
      writer.append(" sold ")
      writer.appendUSDate(CivilDate(year: 2024, month: 3, day: 9)!)
      writer.append(", ")
      writer.appendGrouped(Money(cents: 123_456_789))
      writer.append("; ")
      writer.appendGrouped(Money(cents: -98_765))
      writer.append("; ")
      writer.appendGrouped(Money(cents: 100_000))
      writer.append("; ")
      writer.appendGrouped(Money(cents: 7))
      writer.append(byte: UInt8(ascii: "\""))
    }
    XCTAssertEqual(
      text, "first,\"Q\"\"T sold 03/09/2024, 1,234,567.89; (987.65); 1,000.00; 0.07\"\n")
  }

  func testRemoveAllStartsAgainWithNoHeader() {
    var writer = CSVWriter(header: ["a"])
    writer.text("more", fromUser: false)
    writer.endRow()
    XCTAssertEqual(writer.text, "a\nmore\n")
    writer.removeAll()
    XCTAssertEqual(writer.count, 0)
    writer.text("again", fromUser: false)
    writer.text("x", fromUser: false)
    writer.endRow()
    XCTAssertEqual(writer.text, "again,x\n")
  }

  func testGrowsPastItsFirstCapacity() {
    var writer = CSVWriter(capacity: 1)
    var expected = ""
    for index in 0..<10_000 {
      writer.money(Money(cents: Int64(index)))
      writer.endRow()
      expected += "\(index / 100).\(index % 100 < 10 ? "0" : "")\(index % 100)\n"
    }
    XCTAssertEqual(writer.text, expected)
  }
}
