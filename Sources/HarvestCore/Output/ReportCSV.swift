/// The CSV files of a year's report, with their headers exactly as documented.
///
/// The two files that grow with the trades are also offered as tables, which a large report
/// makes in pieces on several cores and writes straight to disk; both give the same bytes.
public enum ReportCSV {
  /// The header of `form8949.csv`.
  static let form8949Header = [
    "box", "description", "date_acquired", "date_sold", "proceeds", "cost_basis", "code",
    "adjustment", "gain_loss",
  ]

  /// The header of `wash-sales.csv`.
  static let washSalesHeader = [
    "symbol", "sale_date", "sale_account", "shares", "disallowed", "replacement_account",
    "replacement_date", "basis_added", "adjusted_acquired", "permanent",
  ]

  /// `form8949.csv`: one row per sale and lot.
  public static func form8949(_ rows: [Form8949Row]) -> [UInt8] { form8949Table(rows).bytes }

  /// `form8949.csv` as a table of `rows`, in the order given.
  public static func form8949Table(
    _ rows: [Form8949Row], rowsPerPiece: Int = CSVTable.defaultRowsPerPiece
  ) -> CSVTable {
    table(rows, header: form8949Header, rowsPerPiece: rowsPerPiece, row: form8949Row)
  }

  /// `wash-sales.csv`: one row per loss sale and replacement purchase.
  public static func washSales(_ rows: [WashSaleRow]) -> [UInt8] { washSalesTable(rows).bytes }

  /// `wash-sales.csv` as a table of `rows`, in the order given.
  public static func washSalesTable(
    _ rows: [WashSaleRow], rowsPerPiece: Int = CSVTable.defaultRowsPerPiece
  ) -> CSVTable {
    table(rows, header: washSalesHeader, rowsPerPiece: rowsPerPiece, row: washSaleRow)
  }

  /// A table of one line per row, each written by `write`.
  private static func table<Row: Sendable>(
    _ rows: [Row], header: [String], rowsPerPiece: Int,
    row write: @escaping @Sendable (Row, inout CSVWriter) -> Void
  ) -> CSVTable {
    CSVTable(header: header, rowCount: rows.count, rowsPerPiece: rowsPerPiece) {
      range, writer in
      for index in range { write(rows[index], &writer) }
    }
  }

  private static func form8949Row(_ row: Form8949Row, _ writer: inout CSVWriter) {
    writer.text(row.box.letter, fromUser: false)
    writer.description(of: row)
    writer.holding(row.dateAcquired)
    writer.date(row.dateSold)
    writer.money(row.proceeds)
    writer.money(row.costBasis)
    writer.text(row.code, fromUser: false)
    writer.money(row.hasNoCode ? nil : row.adjustment)
    writer.money(row.gainLoss)
    writer.endRow()
  }

  private static func washSaleRow(_ row: WashSaleRow, _ writer: inout CSVWriter) {
    writer.text(row.symbol)
    writer.date(row.saleDate)
    writer.text(row.saleAccount)
    writer.shares(row.shares)
    writer.money(row.disallowed)
    writer.text(row.replacementAccount)
    writer.date(row.replacementDate)
    writer.money(row.basisAdded)
    writer.holding(row.adjustedAcquired)
    writer.text(row.isPermanent ? "yes" : "no", fromUser: false)
    writer.endRow()
  }

  /// `deferred-losses.csv`: losses still deferred in replacement shares at year end.
  public static func deferredLosses(_ rows: [DeferredLossRow]) -> [UInt8] {
    var writer = CSVWriter(header: ["symbol", "account", "lot_date", "shares", "deferred"])
    for row in rows {
      writer.text(row.symbol)
      writer.text(row.account)
      writer.date(row.lotDate)
      writer.shares(row.shares)
      writer.money(row.deferred)
      writer.endRow()
    }
    return writer.bytes
  }
}
