import XCTest

@testable import HarvestCore

/// The large CSV files are made in pieces and written straight to disk, and the Exception 2
/// summary and basis statement are computed without copying rows; each must give exactly the
/// bytes of the careful whole-file path.
final class StreamedCSVTests: XCTestCase {
  /// The table's pieces, each made in a writer of its own, joined in order.
  private func joined(_ table: CSVTable) -> String {
    var bytes: [UInt8] = []
    for index in 0..<table.pieceCount {
      var writer = CSVWriter(capacity: 16)
      table.piece(index, into: &writer)
      bytes += writer.bytes
    }
    return text(bytes)
  }

  private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  private func assertSameFiles(
    _ rows: [Form8949Row], _ washSales: [WashSaleRow], accounts: [String: Account],
    file: StaticString = #filePath, line: UInt = #line
  ) {
    // One row a piece, a few rows a piece, and the default size.
    for size in [1, 7, CSVTable.defaultRowsPerPiece] {
      XCTAssertEqual(
        joined(ReportCSV.form8949Table(rows, rowsPerPiece: size)),
        text(ReportCSV.form8949(rows)), "form8949.csv", file: file, line: line)
      XCTAssertEqual(
        joined(ReportCSV.washSalesTable(washSales, rowsPerPiece: size)),
        text(ReportCSV.washSales(washSales)), "wash-sales.csv", file: file, line: line)
      XCTAssertEqual(
        joined(BasisStatement.csvTable(rows: rows, washSales: washSales, rowsPerPiece: size)),
        text(BasisStatement(rows: rows, washSales: washSales).csvBytes),
        "basis-statement.csv", file: file, line: line)
    }
    for whole in [false, true] {
      let printed = whole ? WholeDollarRounding.round(rows) : rows
      XCTAssertEqual(
        text(Exception2Statement.summaryCSV(rows: rows, accounts: accounts, wholeDollars: whole)),
        text(Exception2Statement(rows: printed, accounts: accounts).summaryCSV),
        "form8949-summary.csv, whole dollars \(whole)", file: file, line: line)
    }
  }

  func testRandomHistoriesGiveTheSameBytesBothWays() throws {
    var accounts = HistoryGenerator.accounts
    accounts["Joint"]?.broker = "Main"
    for seed in UInt64(1)...120 {
      let csv = HistoryGenerator.csv(seed: seed &+ 9_000, rows: 80)
      let book = try TradeFileReader.read(bytes: Array(csv.utf8), file: "trades.csv")
      let report = try YearReportBuilder.build(
        book,
        .init(
          taxYear: 2025, filingStatus: .marriedFilingJointly,
          accounts: HistoryGenerator.accounts, identicalGroups: HistoryGenerator.identical))
      assertSameFiles(report.rows, report.washSales, accounts: HistoryGenerator.accounts)
      assertSameFiles(report.rows, report.washSales, accounts: accounts)
      // Out of form order, as a caller may pass them.
      assertSameFiles(report.rows.reversed(), report.washSales, accounts: accounts)
    }
  }

  func testFilesLargerThanOnePieceGiveTheSameBytes() throws {
    let csv = HistoryGenerator.csv(seed: 77, rows: 400)
    let book = try TradeFileReader.read(bytes: Array(csv.utf8), file: "trades.csv")
    let report = try YearReportBuilder.build(
      book,
      .init(
        taxYear: 2025, filingStatus: .marriedFilingJointly,
        accounts: HistoryGenerator.accounts, identicalGroups: HistoryGenerator.identical))
    var rows: [Form8949Row] = []
    while rows.count < 40_000 { rows += report.rows }
    XCTAssertGreaterThan(ReportCSV.form8949Table(rows).pieceCount, 2)
    assertSameFiles(rows, report.washSales, accounts: HistoryGenerator.accounts)
  }

  /// User text that must be neutralized or quoted, and amounts that need grouping or
  /// parentheses, in the wash-sale column of the basis statement.
  func testBasisStatementTextIsEscapedTheSameWay() {
    let sold = CivilDate(iso: "2025-03-04")!
    var rows: [Form8949Row] = []
    var washSales: [WashSaleRow] = []
    let names = ["=EVIL", "-1", "+2.5", "@X", "A,B", "Q\"T", "\tTAB", "PLAIN", "-"]
    for (index, name) in names.enumerated() {
      var row = Form8949Row(
        box: index % 2 == 0 ? .a : .d, description: index % 3 == 0 ? "-\(name)" : nil,
        dateAcquired: .date(sold.adding(days: -40)), dateSold: sold.adding(days: index),
        proceeds: Money(cents: 1_000), costBasis: Money(cents: 2_000), symbol: name,
        account: "Acct \(name)", shares: Shares(whole: Int64(index + 1)),
        purchaseDate: sold.adding(days: -10), actualCost: Money(cents: 1_500),
        washBasisAdded: Money(cents: 500), basisNote: "wash sale", saleLine: index)
      row.washSource = WashSource(
        saleDate: sold.adding(days: -12), saleAccount: "Sale \(name)", symbol: name,
        saleLine: 100 + index)
      rows.append(row)
      for amount in [Int64(123_456_789), -98_765, 5] where index % 2 == 0 {
        washSales.append(
          WashSaleRow(
            symbol: name, saleDate: sold.adding(days: -12), saleAccount: "Sale \(name)",
            shares: Shares(whole: 1), disallowed: Money(cents: amount),
            replacementAccount: "Acct \(name)", replacementSymbol: name,
            replacementDate: sold.adding(days: -10), basisAdded: Money(cents: amount),
            adjustedAcquired: .date(sold), isPermanent: false, saleLine: 100 + index))
      }
    }
    var carried = rows[0]
    carried.washSource = nil
    carried.dateSold = CivilDate(iso: "2025-12-30")!
    rows.append(carried)
    var inherited = rows[1]
    inherited.washBasisAdded = .zero
    inherited.purchaseDate = nil
    inherited.basisNote = "inherited"
    rows.append(inherited)
    assertSameFiles(rows, washSales, accounts: [:])
  }

  /// One loss sale replaced by many purchases: its pairings are searched by account and
  /// date, and each row must still list exactly its own, in the order given.
  func testLossSaleWithManyReplacementsListsEachRowsOwn() {
    let sold = CivilDate(iso: "2025-05-01")!
    var washSales: [WashSaleRow] = []
    for index in 0..<60 {
      let account = ["Main", "Joint", "Zed"][index % 3]
      washSales.append(
        WashSaleRow(
          symbol: "ABC", saleDate: sold, saleAccount: "Main", shares: Shares(whole: 1),
          disallowed: Money(cents: Int64(100 + index)), replacementAccount: account,
          replacementSymbol: "ABC", replacementDate: sold.adding(days: (index * 7) % 10),
          basisAdded: Money(cents: Int64(100 + index)), adjustedAcquired: .date(sold),
          isPermanent: false, saleLine: 42))
    }
    var rows: [Form8949Row] = []
    for index in 0..<40 {
      var row = Form8949Row(
        box: .a, description: nil, dateAcquired: .date(sold), dateSold: sold.adding(days: 20),
        proceeds: Money(cents: 1_000), costBasis: Money(cents: 1_200), symbol: "ABC",
        account: ["Main", "Joint", "Zed", "Other"][index % 4], shares: Shares(whole: 1),
        purchaseDate: sold.adding(days: index % 11), actualCost: Money(cents: 1_000),
        washBasisAdded: Money(cents: 200), basisNote: "wash sale", saleLine: 200 + index)
      row.washSource = WashSource(
        saleDate: sold, saleAccount: "Main", symbol: "ABC", saleLine: index % 5 == 0 ? 41 : 42)
      rows.append(row)
    }
    assertSameFiles(rows, washSales, accounts: [:])
  }
}
