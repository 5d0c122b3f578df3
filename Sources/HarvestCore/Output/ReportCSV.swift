/// The CSV files of a year's report, with their headers exactly as documented.
public enum ReportCSV {
  /// `form8949.csv`: one row per sale and lot.
  public static func form8949(_ rows: [Form8949Row]) -> [UInt8] {
    var writer = CSVWriter(
      header: [
        "box", "description", "date_acquired", "date_sold", "proceeds", "cost_basis", "code",
        "adjustment", "gain_loss",
      ], expectedRows: rows.count)
    for row in rows {
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
    return writer.bytes
  }

  /// `wash-sales.csv`: one row per loss sale and replacement purchase.
  public static func washSales(_ rows: [WashSaleRow]) -> [UInt8] {
    var writer = CSVWriter(
      header: [
        "symbol", "sale_date", "sale_account", "shares", "disallowed", "replacement_account",
        "replacement_date", "basis_added", "adjusted_acquired", "permanent",
      ], expectedRows: rows.count)
    for row in rows {
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
    return writer.bytes
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
