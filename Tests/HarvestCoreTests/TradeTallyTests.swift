import XCTest

@testable import HarvestCore

/// The running tally the trades reader keeps: day ordinals while the file is in date order,
/// and whether the totals are known to pass, for one part or two parts joined.
final class TradeTallyTests: XCTestCase {
  private func trade(
    _ day: Int32, _ account: Int32, _ symbol: Int32, _ action: TradeAction = .buy,
    shares: Int64 = 1, cents: Int64 = 100
  ) -> Trade {
    Trade(
      line: 0, date: CivilDate(dayNumber: day), account: account, action: action,
      symbol: symbol, quantity: Shares(units: shares * Shares.scale), price: Price(micros: 0),
      fees: .zero, amount: Money(cents: cents))
  }

  private func add(_ trades: inout [Trade], to tally: inout TradeTally) {
    for index in trades.indices { tally.add(&trades[index]) }
  }

  func testRowsAreNumberedWithinTheirDayAccountAndSymbol() {
    var tally = TradeTally()
    var trades = [
      trade(1, 0, 0), trade(1, 0, 0), trade(1, 1, 0), trade(1, 0, 7), trade(1, 0, 0),
      trade(2, 0, 0), trade(2, 9, 40), trade(2, 0, 0), trade(2, 9, 40),
    ]
    add(&trades, to: &tally)
    XCTAssertEqual(trades.map(\.dayOrdinal), [0, 1, 0, 0, 2, 0, 0, 1, 1])
    XCTAssertTrue(tally.ordinalsAssigned)
    XCTAssertTrue(tally.totalsPass)
  }

  func testAFileOutOfDateOrderLeavesTheOrdinalsToTheFullPass() {
    var tally = TradeTally()
    var trades = [trade(2, 0, 0), trade(1, 0, 0), trade(3, 0, 0)]
    add(&trades, to: &tally)
    XCTAssertFalse(tally.ordinalsAssigned)
    XCTAssertTrue(tally.totalsPass)
  }

  func testTooManyAccountsTimesSymbolsLeaveEverythingToTheFullPass() {
    var tally = TradeTally(maximumSlots: 64)
    var trades = (0..<16).map { trade(1, Int32($0 % 3), Int32($0)) }
    add(&trades, to: &tally)
    XCTAssertTrue(tally.usable)
    var more = [trade(1, 5, 3)]
    add(&more, to: &tally)
    XCTAssertFalse(tally.usable)
    XCTAssertFalse(tally.ordinalsAssigned)
    XCTAssertFalse(tally.totalsPass)
  }

  func testSharesAndMoneyPastTheLimitsFailTheTotals() {
    var shares = TradeTally()
    var big = [trade(1, 0, 0, shares: 10_000_000_000), trade(2, 0, 0, shares: 10_000_000_000)]
    add(&big, to: &shares)
    XCTAssertTrue(shares.totalsPass)
    var one = [trade(3, 0, 0, shares: 1)]
    add(&one, to: &shares)
    XCTAssertFalse(shares.totalsPass)

    var money = TradeTally()
    var rows = (0..<1_100).map {
      trade(1, 0, 0, $0 % 2 == 0 ? .buy : .sell, cents: 1_000_000_000_000)
    }
    add(&rows, to: &money)
    XCTAssertFalse(money.totalsPass)
  }

  /// The later part's rows on the earlier part's last day continue its numbering, under the
  /// earlier part's indexes; its bought shares add up under them too.
  func testJoiningPartsContinuesTheLastDayAndAddsTheShares() {
    var first = TradeTally()
    var head = [trade(1, 0, 0), trade(2, 0, 0), trade(2, 1, 1), trade(2, 0, 0)]
    add(&head, to: &first)
    var second = TradeTally()
    // In the second part's own indexes: account 0 is the first part's 1, symbol 0 its 1.
    var tail = [
      trade(2, 0, 0), trade(2, 1, 1), trade(2, 0, 1, shares: 10_000_000_000), trade(3, 0, 0),
    ]
    add(&tail, to: &second)
    for index in tail.indices {
      tail[index].account = [1, 0][Int(tail[index].account)]
      tail[index].symbol = [1, 0][Int(tail[index].symbol)]
    }
    tail.withUnsafeMutableBufferPointer { buffer in
      first.append(
        second, accountMap: [1, 0], symbolMap: [1, 0], trades: buffer.baseAddress!,
        count: buffer.count)
    }
    XCTAssertEqual(tail.map(\.dayOrdinal), [1, 2, 0, 0])
    XCTAssertTrue(first.ordinalsAssigned)
    XCTAssertTrue(first.totalsPass)

    var past = TradeTally()
    var more = [trade(4, 1, 0, shares: 10_000_000_000), trade(4, 1, 0, shares: 1)]
    add(&more, to: &past)
    XCTAssertTrue(past.totalsPass)
    first.append(past, accountMap: [0, 1], symbolMap: [0], trades: &more, count: 0)
    XCTAssertFalse(first.totalsPass)
  }

  func testJoiningPartsOutOfDateOrderLeavesTheOrdinalsToTheFullPass() {
    var first = TradeTally()
    var head = [trade(1, 0, 0), trade(5, 0, 0)]
    add(&head, to: &first)
    var second = TradeTally()
    var tail = [trade(4, 0, 0)]
    add(&tail, to: &second)
    first.append(second, accountMap: [0], symbolMap: [0], trades: &tail, count: 1)
    XCTAssertFalse(first.ordinalsAssigned)
  }
}
