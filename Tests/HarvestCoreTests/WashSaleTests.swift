import HarvestCore
import XCTest

/// The wash-sale rule, with the worked examples of the rules digest §7.12 and the edges of
/// the 30-day window. Every expected figure is worked by hand in the comments.
final class WashSaleTests: XCTestCase {
  func testWS1ReplacementCarriesTheDisallowedLoss() throws {
    // Pub. 550 Ex. 1: buy 100 for $1,000, sell for $750, buy 100 for $800 within 30 days.
    // Disallowed $250, (h) 0; replacement basis $800 + $250 = $1,050. Selling it later for
    // $900 is a loss of $150 with nothing bought in its window.
    // Tacking: held Jan 2 → Mar 3 = 60 days; Mar 10 − 60 days = Jan 9.
    let report = try makeReport(
      trades(
        """
        2025-01-02,Main,buy,X,100,10,0
        2025-03-03,Main,sell,X,100,7.50,0
        2025-03-10,Main,buy,X,100,8,0
        2025-06-02,Main,sell,X,100,9,0
        """), year: 2025)
    XCTAssertEqual(report.rows.count, 2)
    let washed = report.rows[0]
    XCTAssertEqual(washed.code, "W")
    XCTAssertEqual(washed.adjustment, money("250"))
    XCTAssertEqual(washed.gainLoss, money("0"))
    let replacement = report.rows[1]
    XCTAssertEqual(replacement.costBasis, money("1050"))
    XCTAssertEqual(replacement.gainLoss, money("-150"))
    XCTAssertEqual(replacement.dateAcquired, .date(date("2025-01-09")))
    XCTAssertEqual(replacement.purchaseDate, date("2025-03-10"))
    XCTAssertEqual(
      replacement.washSource,
      WashSource(saleDate: date("2025-03-03"), saleAccount: "Main", symbol: "X", saleLine: 3))
    XCTAssertNil(washed.washSource)
    XCTAssertEqual(report.washSales.count, 1)
    XCTAssertEqual(report.washSales[0].basisAdded, money("250"))
  }

  func testWS2FewerSharesBoughtThanSold() throws {
    // Pub. 550 "More or less": loss $1,000 on 100 shares ($10 a share); 50 + 25 shares
    // bought before the sale replace 75: disallowed $750, allowed ($250). Dec 13 lot basis
    // $2,750 + $500 = $3,250; Dec 20 lot $1,125 + $250 = $1,375. Held Sept 20 → Jan 3 =
    // 105 days, so the lots' adjusted dates are Aug 30 and Sept 6, 2024.
    let csv = trades(
      """
      2024-09-20,Main,buy,M,100,50,0
      2024-12-13,Main,buy,M,50,55,0
      2024-12-20,Main,buy,M,25,45,0
      2025-01-03,Main,sell,M,100,40,0
      2025-06-02,Main,sell,M,75,60,0
      """)
    let report = try makeReport(csv, year: 2025)
    let loss = report.rows[0]
    XCTAssertEqual(loss.adjustment, money("750"))
    XCTAssertEqual(loss.gainLoss, money("-250"))
    XCTAssertEqual(loss.dateAcquired, .date(date("2024-09-20")))
    XCTAssertEqual(report.rows[1].costBasis, money("3250"))
    XCTAssertEqual(report.rows[2].costBasis, money("1375"))
    XCTAssertEqual(report.rows[1].dateAcquired, .date(date("2024-08-30")))
    XCTAssertEqual(report.rows[2].dateAcquired, .date(date("2024-09-06")))
    XCTAssertEqual(report.washSales.map(\.disallowed), [money("500"), money("250")])
  }

  func testWS3OnlyTheFirstTwoLotsReplace() throws {
    // Pub. 550 Ex. 2: 100 shares sold at a $1,000 loss on Jan 29, 2025; 50 bought on each of
    // Feb 3, 4, 5 and 6. The Feb 3 and Feb 4 lots get $500 each; Feb 5 and 6 none.
    // Tacked: held Sept 16 → Jan 29 = 135 days; Feb 3 − 135 days = Sept 21, 2024.
    let report = try makeReport(
      trades(
        """
        2024-09-16,Main,buy,M,100,50,0
        2025-01-29,Main,sell,M,100,40,0
        2025-02-03,Main,buy,M,50,40,0
        2025-02-04,Main,buy,M,50,40,0
        2025-02-05,Main,buy,M,50,40,0
        2025-02-06,Main,buy,M,50,40,0
        """), year: 2025)
    XCTAssertEqual(
      report.washSales.map(\.replacementDate),
      [date("2025-02-03"), date("2025-02-04")])
    XCTAssertEqual(report.washSales.map(\.basisAdded), [money("500"), money("500")])
    XCTAssertEqual(report.washSales[0].adjustedAcquired, .date(date("2024-09-21")))
    XCTAssertEqual(report.deferredLosses.map(\.deferred), [money("500"), money("500")])
  }

  func testWS3HoldingDateConventionUsesTheOriginalDate() throws {
    let report = try makeReport(
      trades(
        """
        2024-09-16,Main,buy,M,100,50,0
        2025-01-29,Main,sell,M,100,40,0
        2025-02-03,Main,buy,M,100,40,0
        """), year: 2025, convention: .original)
    XCTAssertEqual(report.washSales[0].adjustedAcquired, .date(date("2024-09-16")))
  }

  func testWS5AWashedLossDoesNotReduceSameDayGains() throws {
    // Pub. 550 "Loss and gain on same day": lots at $158, $100 and $95 (2019), all 300 sold
    // Dec 27, 2024 at $125; 250 bought Jan 10, 2025. Lot 1: (d) 12,500 (e) 15,800 W 3,300
    // (h) 0; lot 2 (h) 2,500; lot 3 (h) 3,000. 100 of the January shares carry $3,300.
    let report = try makeReport(
      trades(
        """
        2019-03-01,Main,buy,X,100,158,0
        2019-06-03,Main,buy,X,100,100,0
        2019-09-03,Main,buy,X,100,95,0
        2024-12-27,Main,sell,X,300,125,0
        2025-01-10,Main,buy,X,250,120,0
        """), year: 2024)
    XCTAssertEqual(report.rows.map(\.box), [.d, .d, .d])
    XCTAssertEqual(report.rows[0].proceeds, money("12500"))
    XCTAssertEqual(report.rows[0].costBasis, money("15800"))
    XCTAssertEqual(report.rows[0].adjustment, money("3300"))
    XCTAssertEqual(report.rows.map(\.gainLoss), [money("0"), money("2500"), money("3000")])
    XCTAssertEqual(report.rows.map(\.code), ["W", "", ""])
    XCTAssertEqual(
      report.deferredLosses,
      [
        DeferredLossRow(
          symbol: "X", account: "Main", lotDate: date("2025-01-10"), shares: Shares(whole: 100),
          deferred: money("3300"))
      ])
  }

  func testWS7AndWS8ReplacementBasis() throws {
    // Reg. 1.1091-2: bought $100, sold $80, new share at $90 → basis $110; at $70 → $90.
    for (price, basis) in [("90", "110"), ("70", "90")] {
      let report = try makeReport(
        trades(
          """
          2024-01-15,Main,buy,S,1,100,0
          2025-01-15,Main,sell,S,1,80,0
          2025-02-01,Main,buy,S,1,\(price),0
          2025-06-02,Main,sell,S,1,\(price),0
          """), year: 2025)
      XCTAssertEqual(report.rows[0].adjustment, money("20"))
      XCTAssertEqual(report.rows[1].costBasis, money(basis))
    }
  }

  func testWS9IRAReplacementDisallowsTheLossForGood() throws {
    // Rev. Rul. 2008-5: basis $1,000, sold for $600, the IRA buys the next day: $400
    // disallowed, no basis added anywhere, nothing deferred.
    let report = try makeReport(
      trades(
        """
        2025-01-02,Main,buy,X,100,10,0
        2025-12-19,Main,sell,X,100,6,0
        2025-12-22,IRA,buy,X,100,6,0
        """), year: 2025, accounts: [Account(name: "IRA", kind: .ira)])
    XCTAssertEqual(report.rows[0].adjustment, money("400"))
    XCTAssertEqual(report.rows[0].gainLoss, money("0"))
    XCTAssertEqual(report.washSales.count, 1)
    XCTAssertTrue(report.washSales[0].isPermanent)
    XCTAssertEqual(report.washSales[0].basisAdded, .zero)
    XCTAssertEqual(report.deferredLosses, [])
  }

  func testWindowEdges() throws {
    // Loss sale 2025-01-03 of the 2024-06-03 lot (100 @ $50 sold @ $40: $1,000 loss). A
    // 10-share purchase washes $100 when it falls 30 days before or after, not 31.
    func disallowed(purchase: String) throws -> Money {
      let report = try makeReport(
        trades(
          """
          2024-06-03,Main,buy,X,100,50,0
          \(purchase),Other,buy,X,10,40,0
          2025-01-03,Main,sell,X,100,40,0
          """), year: 2025)
      return report.rows[0].adjustment
    }
    XCTAssertEqual(try disallowed(purchase: "2025-02-02"), money("100"))
    XCTAssertEqual(try disallowed(purchase: "2025-02-03"), .zero)
    XCTAssertEqual(try disallowed(purchase: "2024-12-04"), money("100"))
    XCTAssertEqual(try disallowed(purchase: "2024-12-03"), .zero)
  }

  func testSellingHalfOfOnePurchaseIsNotAWashSale() throws {
    let report = try makeReport(
      trades(
        """
        2025-03-03,Main,buy,X,100,50,0
        2025-03-10,Main,sell,X,50,40,0
        """), year: 2025)
    XCTAssertEqual(report.rows[0].gainLoss, money("-500"))
    XCTAssertEqual(report.rows[0].code, "")
  }

  func testOneSaleClosingTwoLotsDoesNotWashItself() throws {
    // Both lots are sold by the same sale, so neither replaces the other: losses 500 and 250.
    let report = try makeReport(
      trades(
        """
        2025-03-03,Main,buy,X,50,50,0
        2025-03-05,Main,buy,X,50,45,0
        2025-03-10,Main,sell,X,100,40,0
        """), year: 2025)
    XCTAssertEqual(report.rows.map(\.gainLoss), [money("-500"), money("-250")])
    XCTAssertEqual(report.washSales, [])
  }

  func testSpousePurchaseWashesAndCarriesTheBasis() throws {
    // The filer loses $200 on 20 shares; the spouse buys 20 a week later at $30: the spouse's
    // lot basis is $600 + $200 = $800.
    let report = try makeReport(
      trades(
        """
        2025-01-02,Mine,buy,X,20,40,0
        2025-04-01,Mine,sell,X,20,30,0
        2025-04-08,Hers,buy,X,20,30,0
        2025-09-02,Hers,sell,X,20,50,0
        """), year: 2025, status: .marriedFilingJointly,
      accounts: [Account(name: "Hers", owner: .spouse)])
    XCTAssertEqual(report.rows[0].adjustment, money("200"))
    XCTAssertEqual(report.rows[1].costBasis, money("800"))
    XCTAssertEqual(report.rows[1].gainLoss, money("200"))
    XCTAssertEqual(report.washSales[0].replacementAccount, "Hers")
  }

  func testChainOfTwoWashesEndingInAGain() throws {
    // Loss 1,000 washed into the Feb 10 lot (4,200 + 1,000 = 5,200); sold for 4,100: loss
    // 1,100 washed into the Mar 10 lot (4,300 + 1,100 = 5,400); sold for 6,000: gain 600,
    // which is the whole economic result: 14,100 received − 13,500 paid.
    let report = try makeReport(
      trades(
        """
        2025-01-02,Main,buy,X,100,50,0
        2025-02-03,Main,sell,X,100,40,0
        2025-02-10,Main,buy,X,100,42,0
        2025-03-03,Main,sell,X,100,41,0
        2025-03-10,Main,buy,X,100,43,0
        2025-05-01,Main,sell,X,100,60,0
        """), year: 2025)
    XCTAssertEqual(report.rows.map(\.costBasis), [money("5000"), money("5200"), money("5400")])
    XCTAssertEqual(report.rows.map(\.adjustment), [money("1000"), money("1100"), .zero])
    XCTAssertEqual(report.rows.map(\.gainLoss), [.zero, .zero, money("600")])
    XCTAssertEqual(report.deferredLosses, [])
  }

  func testDecemberLossWashedByAJanuaryPurchase() throws {
    let report = try makeReport(
      trades(
        """
        2025-06-02,Main,buy,X,10,100,0
        2025-12-22,Main,sell,X,10,80,0
        2026-01-05,Main,buy,X,10,82,0
        """), year: 2025)
    XCTAssertEqual(report.rows[0].adjustment, money("200"))
    XCTAssertEqual(report.deferredLosses.map(\.lotDate), [date("2026-01-05")])
    XCTAssertEqual(report.warnings, [])
  }

  func testAnIncompleteWindowIsNamed() throws {
    let report = try makeReport(
      trades(
        """
        2025-06-02,Main,buy,X,10,100,0
        2025-12-22,Main,sell,X,10,80,0
        """), year: 2025)
    XCTAssertEqual(report.warnings.count, 1)
    XCTAssertTrue(
      report.warnings[0].hasPrefix("trades.csv:3: the wash-sale window"),
      report.warnings[0])
  }

  func testGainsAreNeverWashed() throws {
    // Buy 100 @ $10, sell @ $12, rebuy @ $11: gain $200, no code, rebought basis $1,100.
    let report = try makeReport(
      trades(
        """
        2025-01-02,Main,buy,X,100,10,0
        2025-02-03,Main,sell,X,100,12,0
        2025-02-10,Main,buy,X,100,11,0
        2025-03-03,Main,sell,X,100,11,0
        """), year: 2025)
    XCTAssertEqual(report.rows.map(\.gainLoss), [money("200"), .zero])
    XCTAssertEqual(report.rows[1].costBasis, money("1100"))
  }

  func testIdenticalGroupsWashAcrossSymbols() throws {
    let report = try makeReport(
      trades(
        """
        2025-01-02,Main,buy,GOOGL,10,100,0
        2025-02-03,Main,sell,GOOGL,10,90,0
        2025-02-10,Main,buy,GOOG,10,91,0
        """), year: 2025, identical: ["GOOGL": "alphabet", "GOOG": "alphabet"])
    XCTAssertEqual(report.rows[0].adjustment, money("100"))
    XCTAssertEqual(report.washSales[0].replacementSymbol, "GOOG")
  }

  func testDigitalAssetsNeitherAreWashedNorWash() throws {
    let csv = """
      date,account,action,symbol,quantity,price,fees,asset,form
      2025-01-02,Main,buy,BTC,1,100000,0,digital,
      2025-02-03,Main,sell,BTC,1,90000,0,digital,none
      2025-02-10,Main,buy,BTC,1,91000,0,digital,
      """
    let report = try makeReport(csv, year: 2025)
    XCTAssertEqual(report.rows[0].gainLoss, money("-10000"))
    XCTAssertEqual(report.rows[0].box, .i)
  }

  func testSameDaySalesAreTakenInPurchaseOrderNotFileOrder() throws {
    // Two accounts each lose $100 on the same day; one 10-share purchase a week later can
    // replace only one sale. The sale whose shares were bought first (Jan 2, account B)
    // is taken first, wherever its row stands.
    let rows = [
      "2025-01-03,A,buy,X,10,50,0", "2025-01-02,B,buy,X,10,50,0",
      "2025-03-03,A,sell,X,10,40,0", "2025-03-03,B,sell,X,10,40,0",
      "2025-03-10,C,buy,X,10,40,0",
    ]
    for order in [rows, rows.reversed()] {
      let report = try makeReport(trades(order.joined(separator: "\n")), year: 2025)
      XCTAssertEqual(report.washSales.map(\.saleAccount), ["B"])
    }
  }

  func testSpouseLossOnASeparateReturnIsListedWhereItSitsInTheFilersShares() throws {
    // mfs. The filer loses $1,000 on 100 SP; the spouse's 40 shares (04-05 at $41) replace 40
    // of them: $400 disallowed, spouse basis $1,640 + $400 = $2,040. The spouse sells for
    // $1,400, a $640 loss on her own return; the filer's 10 shares of 05-20 replace 10 of her
    // 40: 640 × 10/40 = $160 moves into the filer's lot ($360 + $160 = $520).
    let report = try makeReport(
      trades(
        """
        2025-03-03,Mine,buy,SP,100,50,0
        2025-04-01,Mine,sell,SP,100,40,0
        2025-04-05,Wife,buy,SP,40,41,0
        2025-05-01,Wife,sell,SP,40,35,0
        2025-05-20,Mine,buy,SP,10,36,0
        2026-02-02,Mine,buy,ZZZ,1,1,0
        """), year: 2025, status: .marriedFilingSeparately,
      accounts: [Account(name: "Wife", owner: .spouse)])
    XCTAssertEqual(report.rows.count, 1)
    XCTAssertEqual(report.rows[0].adjustment, money("400"))
    XCTAssertEqual(report.rows[0].gainLoss, money("-600"))
    XCTAssertEqual(report.washSales.map(\.saleAccount), ["Mine"])
    XCTAssertEqual(
      report.deferredLosses,
      [
        DeferredLossRow(
          symbol: "SP", account: "Mine", lotDate: date("2025-05-20"), shares: Shares(whole: 10),
          deferred: money("160"))
      ])
  }
}
