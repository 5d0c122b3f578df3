import HarvestCore
import XCTest

/// Conservation laws over the engine's whole history, checked on random valid histories with
/// frequent wash sales across a taxable account, a spouse's account and an IRA.
final class InvariantTests: XCTestCase {
  private struct Holding: Hashable {
    var account: Int32
    var symbol: Int32
  }

  func testSharesCostAndWashedDollarsAreConservedOverTheWholeHistory() throws {
    var washes = 0, permanent = 0, deferred = 0
    for seed in UInt64(1)...300 {
      let csv = HistoryGenerator.csv(seed: seed, rows: 40 + Int(seed % 80))
      let book = try TradeFileReader.read(bytes: Array(csv.utf8), file: "trades.csv")
      let last = try XCTUnwrap(book.lastDate)
      let result = try WashSaleEngine.run(book, WashSaleEngine.Configuration(
        accounts: HistoryGenerator.accounts, identicalGroups: HistoryGenerator.identical,
        snapshotDay: last))
      check(book, result, seed: seed)
      washes += result.matches.count
      permanent += result.matches.filter(\.isPermanent).count
      deferred += result.heldAtSnapshot.filter { $0.parcel.washAdded > .zero }.count
    }
    XCTAssertGreaterThan(washes, 1_000, "the histories should wash often")
    XCTAssertGreaterThan(permanent, 50, "some replacements should be in the IRA")
    XCTAssertGreaterThan(deferred, 50, "some washed losses should still be deferred")
  }

  private func check(_ book: TradeBook, _ result: EngineResult, seed: UInt64) {
    let trades = book.trades
    func holding(_ trade: Trade) -> Holding {
      Holding(account: trade.account, symbol: trade.symbol)
    }

    // Shares bought = shares sold + shares held, per account and symbol; cost likewise.
    var shares: [Holding: Int128] = [:]
    var cost = Int128(0)
    for trade in trades where trade.action == .buy {
      shares[holding(trade), default: 0] += Int128(trade.quantity.units)
      cost += Int128(trade.amount.cents)
    }
    var soldShares: [Int32: Int128] = [:]
    var soldProceeds: [Int32: Int128] = [:]
    for piece in result.dispositions {
      shares[holding(trades[Int(piece.sale)]), default: 0] -= Int128(piece.shares.units)
      soldShares[piece.sale, default: 0] += Int128(piece.shares.units)
      soldProceeds[piece.sale, default: 0] += Int128(piece.proceeds.cents)
      cost -= Int128(piece.cost.cents)
      XCTAssertEqual(holding(trades[Int(piece.purchase)]), holding(trades[Int(piece.sale)]),
                     "seed \(seed): a sale drew from another account or symbol")
      let loss = piece.basis - piece.proceeds
      XCTAssertLessThanOrEqual(piece.disallowed, Money.max(loss, .zero),
                               "seed \(seed): more disallowed than the loss, or a gain washed")
    }
    for held in result.heldAtSnapshot {
      shares[holding(trades[Int(held.purchase)]), default: 0] -= Int128(held.parcel.shares.units)
      cost -= Int128(held.parcel.cost.cents)
    }
    XCTAssertTrue(shares.values.allSatisfy { $0 == 0 }, "seed \(seed): shares not conserved")
    XCTAssertEqual(cost, 0, "seed \(seed): cost not conserved")
    for (index, trade) in trades.enumerated() where trade.action == .sell {
      XCTAssertEqual(soldShares[Int32(index)], Int128(trade.quantity.units), "seed \(seed)")
      XCTAssertEqual(soldProceeds[Int32(index)], Int128(trade.amount.cents), "seed \(seed)")
    }

    // Every washed dollar is permanently disallowed (IRA replacement), recovered in the basis
    // of a later sale, or still deferred in shares held.
    var washedAtSale = Int128(0), lost = Int128(0), added = Int128(0)
    var replacedShares: [Int32: Int128] = [:]
    for match in result.matches {
      let sale = trades[Int(match.sale)], replacement = trades[Int(match.replacement)]
      let replacementKind = HistoryGenerator.accounts[book.accounts[replacement.account]]?.kind
      XCTAssertEqual(match.isPermanent, replacementKind == .ira, "seed \(seed)")
      XCTAssertEqual(match.basisAdded, match.isPermanent ? .zero : match.disallowed)
      XCTAssertLessThanOrEqual(abs(replacement.date.days(since: sale.date)), 30, "seed \(seed)")
      XCTAssertEqual(HistoryGenerator.accounts[book.accounts[sale.account]]?.kind, .taxable)
      if match.isPermanent { lost += Int128(match.disallowed.cents) }
      added += Int128(match.basisAdded.cents)
      replacedShares[match.replacement, default: 0] += Int128(match.shares.units)
    }
    for (purchase, count) in replacedShares {
      XCTAssertLessThanOrEqual(count, Int128(trades[Int(purchase)].quantity.units),
                               "seed \(seed): a share replaced twice")
    }
    let recovered = result.dispositions.reduce(Int128(0)) { $0 + Int128($1.washAdded.cents) }
    let stillDeferred = result.heldAtSnapshot.reduce(Int128(0)) {
      $0 + Int128($1.parcel.washAdded.cents)
    }
    for piece in result.dispositions { washedAtSale += Int128(piece.disallowed.cents) }
    XCTAssertEqual(washedAtSale, lost + added, "seed \(seed): matches against column (g)")
    XCTAssertEqual(added, recovered + stillDeferred,
                   "seed \(seed): basis added = recovered on later sales + still deferred")
  }

  func testReportRowsAddUpOnRandomHistories() throws {
    for seed in UInt64(1)...100 {
      let csv = HistoryGenerator.csv(seed: seed &+ 1_000, rows: 80)
      let book = try TradeFileReader.read(bytes: Array(csv.utf8), file: "trades.csv")
      let report = try YearReportBuilder.build(book, .init(
        taxYear: 2025, filingStatus: .marriedFilingJointly, accounts: HistoryGenerator.accounts,
        identicalGroups: HistoryGenerator.identical))
      XCTAssertFalse(report.rows.contains { $0.account == "Retire" }, "seed \(seed)")
      FuzzTests.checkReport(report, seed: seed)
    }
  }
}
