/// The CSV files of a year's report, with their headers exactly as documented.
///
/// Each file can be built whole in memory or handed over in pieces of about `chunkSize`
/// bytes, which lets a large report go straight to disk; both give the same bytes.
public enum ReportCSV {
  /// How many bytes a piece holds, roughly, when a file is handed over in pieces.
  public static let chunkSize = 1 << 20

  /// Rows per piece, for reserving a writer's buffer once.
  static func rowsPerChunk(_ rows: Int) -> Int { min(rows, chunkSize / 64) }

  /// `form8949.csv`: one row per sale and lot.
  public static func form8949(_ rows: [Form8949Row]) -> [UInt8] {
    var bytes: [UInt8] = []
    form8949(rows) { bytes += $0 }
    return bytes
  }

  /// `form8949.csv` handed to `consume` in pieces, in order.
  public static func form8949<E: Error>(
    _ rows: [Form8949Row], chunks consume: ([UInt8]) throws(E) -> Void
  ) throws(E) {
    var writer = form8949Writer(expectedRows: rowsPerChunk(rows.count))
    for row in rows {
      form8949Row(row, &writer)
      try writer.spill(over: chunkSize, to: consume)
    }
    try consume(writer.bytes)
  }

  private static func form8949Writer(expectedRows: Int) -> CSVWriter {
    CSVWriter(
      header: [
        "box", "description", "date_acquired", "date_sold", "proceeds", "cost_basis", "code",
        "adjustment", "gain_loss",
      ], expectedRows: expectedRows)
  }

  private static func form8949Row(_ row: Form8949Row, _ writer: inout CSVWriter) {
    writer.text(row.box.letter, fromUser: false)
    if let custom = row.customDescription {
      writer.text(custom)
    } else {
      writer.generatedDescription(row.shares, symbol: row.symbol, units: row.isDigitalAsset)
    }
    writer.holding(row.dateAcquired)
    writer.date(row.dateSold)
    writer.money(row.proceeds)
    writer.money(row.costBasis)
    writer.text(row.code, fromUser: false)
    writer.money(row.code.isEmpty ? nil : row.adjustment)
    writer.money(row.gainLoss)
    writer.endRow()
  }

  /// `wash-sales.csv`: one row per loss sale and replacement purchase.
  public static func washSales(_ rows: [WashSaleRow]) -> [UInt8] {
    var bytes: [UInt8] = []
    washSales(rows) { bytes += $0 }
    return bytes
  }

  /// `wash-sales.csv` handed to `consume` in pieces, in order.
  public static func washSales<E: Error>(
    _ rows: [WashSaleRow], chunks consume: ([UInt8]) throws(E) -> Void
  ) throws(E) {
    var writer = washSalesWriter(expectedRows: rowsPerChunk(rows.count))
    for row in rows {
      washSaleRow(row, &writer)
      try writer.spill(over: chunkSize, to: consume)
    }
    try consume(writer.bytes)
  }

  private static func washSalesWriter(expectedRows: Int) -> CSVWriter {
    CSVWriter(
      header: [
        "symbol", "sale_date", "sale_account", "shares", "disallowed", "replacement_account",
        "replacement_date", "basis_added", "adjusted_acquired", "permanent",
      ], expectedRows: expectedRows)
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
