import HarvestCore
import XCTest

final class DecimalTextTests: XCTestCase {
  private let money = DecimalText.Rules(decimals: 2, allowsDollarSign: true, limit: 1_000_000_000)
  private let shares = DecimalText.Rules(decimals: 8, allowsDollarSign: false, limit: .max / 10)

  func testAcceptedForms() throws {
    XCTAssertEqual(try DecimalText.parse("1234.56", money), 123_456)
    XCTAssertEqual(try DecimalText.parse("1,234.56", money), 123_456)
    XCTAssertEqual(try DecimalText.parse("$1,234", money), 123_400)
    XCTAssertEqual(try DecimalText.parse("(45.00)", money), -4_500)
    XCTAssertEqual(try DecimalText.parse("-45.00", money), -4_500)
    XCTAssertEqual(try DecimalText.parse("(0.00)", money), 0)
    XCTAssertEqual(try DecimalText.parse(" .5 ", money), 50)
    XCTAssertEqual(try DecimalText.parse("0.12345678", shares), 12_345_678)
  }

  func testRejectedForms() {
    let bad = [
      "12abc", "1,234,56", "1,00", ",100", "1.2.3", "", "$", "()", "--5", "1e5",
      "12 3", "abc", "1,2345", "0x10",
    ]
    for text in bad {
      XCTAssertThrowsError(try DecimalText.parse(text, money), "accepted \(text)")
    }
    XCTAssertThrowsError(try DecimalText.parse("$5", shares))
    XCTAssertEqual(
      Result { try DecimalText.parse("1.123", money) }.failure as? DecimalText.Failure,
      .tooManyDecimals(allowed: 2))
    XCTAssertEqual(
      Result { try DecimalText.parse("99999999999", money) }.failure as? DecimalText.Failure,
      .tooLarge)
  }
}

extension Result where Failure == any Error {
  init(_ body: () throws -> Success) {
    do { self = .success(try body()) } catch { self = .failure(error) }
  }

  var failure: (any Error)? {
    if case .failure(let error) = self { return error }
    return nil
  }
}
