import Foundation
import HarvestApp
import XCTest

/// `harvest plan` end to end: options in, files and exit status out.
final class PlanCommandTests: XCTestCase {
  private var folder = ""

  override func setUpWithError() throws {
    folder = NSTemporaryDirectory() + "plan-command-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try write(
      "trades.csv",
      """
      date,account,action,symbol,quantity,price,fees,lot
      2025-03-03,Brokerage,buy,XYZ,100,50,0,

      """)
    try write("prices.csv", "symbol,price\nXYZ,20\n")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: folder)
  }

  private func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
  }

  private func read(_ name: String) -> String? {
    FileManager.default.contents(atPath: folder + "/out/" + name)
      .map { String(decoding: $0, as: UTF8.self) }
  }

  /// The $720 example through the command line: 100 XYZ bought for $5,000.00 and worth
  /// $2,000.00 on the plan date; $3,000.00 of deduction at 24%.
  func testPlanWritesItsFourFiles() {
    let status = HarvestCommand.run([
      "plan", "--trades", folder + "/trades.csv", "--prices", folder + "/prices.csv",
      "--date", "2025-12-15", "--ordinary-rate", "24", "--out", folder + "/out",
    ])
    XCTAssertEqual(status, 0)
    XCTAssertEqual(
      read("plan-summary.csv"),
      """
      item,amount
      realized_short_term,0.00
      realized_long_term,0.00
      recommended_loss,3000.00
      estimated_tax_saved,720.00
      carried_forward,0.00

      """)
    XCTAssertEqual(
      read("harvest-plan.csv"),
      """
      account,symbol,lot_date,shares,basis,value,loss,term,days_to_long_term,washed_by,recommended
      Brokerage,XYZ,2025-03-03,100,5000.00,2000.00,3000.00,short,79,,yes

      """)
    XCTAssertEqual(read("do-not-buy.csv"), "symbol,safe_date,substitute\nXYZ,2026-01-15,\n")
    XCTAssertEqual(
      read("recommended-sales.csv"),
      """
      date,account,action,symbol,quantity,price,fees,lot
      2025-12-15,Brokerage,sell,XYZ,100,20.00,0.00,2025-03-03

      """)
  }

  func testImpossibleDateIsAUsageError() {
    let status = HarvestCommand.run([
      "plan", "--trades", folder + "/trades.csv", "--prices", folder + "/prices.csv",
      "--date", "2025-02-30", "--out", folder + "/out",
    ])
    XCTAssertEqual(status, 2)
    XCTAssertNil(read("plan-summary.csv"))
  }

  func testRatesAboveOneHundredPercentAreRefused() {
    let status = HarvestCommand.run([
      "plan", "--trades", folder + "/trades.csv", "--prices", folder + "/prices.csv",
      "--date", "2025-12-15", "--ordinary-rate", "240", "--out", folder + "/out",
    ])
    XCTAssertEqual(status, 2)
  }
}
