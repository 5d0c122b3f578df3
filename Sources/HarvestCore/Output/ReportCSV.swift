/// The CSV files of a year's report, with their headers exactly as documented.
///
/// Each file can be built whole in memory or handed over in pieces of about `chunkSize`
/// bytes, which lets a large report go straight to disk; both give the same bytes.
public enum ReportCSV {
  /// How many bytes a piece holds, roughly, when a file is handed over in pieces.
  public static let chunkSize = 1 << 20

  /// Rows per piece, for reserving a writer's buffer once.
  static func rowsPerChunk(_ rows: Int) -> Int { min(rows, chunkSize / 64) }

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
  public static func form8949(_ rows: [Form8949Row]) -> [UInt8] {
    whole { form8949(rows, chunks: $0) }
  }

  /// `form8949.csv` handed to `consume` in pieces, in order.
  public static func form8949<E: Error>(
    _ rows: [Form8949Row], chunks consume: ([UInt8]) throws(E) -> Void
  ) throws(E) {
    try stream(rows, header: form8949Header, to: consume, row: form8949Row)
  }

  /// `wash-sales.csv`: one row per loss sale and replacement purchase.
  public static func washSales(_ rows: [WashSaleRow]) -> [UInt8] {
    whole { washSales(rows, chunks: $0) }
  }

  /// `wash-sales.csv` handed to `consume` in pieces, in order.
  public static func washSales<E: Error>(
    _ rows: [WashSaleRow], chunks consume: ([UInt8]) throws(E) -> Void
  ) throws(E) {
    try stream(rows, header: washSalesHeader, to: consume, row: washSaleRow)
  }

  /// Writes a header and one line per row, handing the text over about `chunkSize` bytes
  /// at a time, so a large file never sits whole in memory.
  static func stream<Row, E: Error>(
    _ rows: [Row], header: [String], to consume: ([UInt8]) throws(E) -> Void,
    row write: (Row, inout CSVWriter) -> Void
  ) throws(E) {
    var writer = CSVWriter(header: header, expectedRows: rowsPerChunk(rows.count))
    for row in rows {
      write(row, &writer)
      try writer.spill(over: chunkSize, to: consume)
    }
    try consume(writer.bytes)
  }

  /// A streamed file put together in memory: the same bytes, in one array.
  static func whole(_ produce: (([UInt8]) -> Void) -> Void) -> [UInt8] {
    var bytes: [UInt8] = []
    produce { bytes += $0 }
    return bytes
  }

  private static func form8949Row(_ row: Form8949Row, _ writer: inout CSVWriter) {
    writer.text(row.box.letter, fromUser: false)
    writer.description(of: row)
    writer.holding(row.dateAcquired)
    writer.date(row.dateSold)
    writer.money(row.proceeds)
    writer.money(row.costBasis)
    writer.text(row.code, fromUser: false)
    writer.money(row.code.isEmpty ? nil : row.adjustment)
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
