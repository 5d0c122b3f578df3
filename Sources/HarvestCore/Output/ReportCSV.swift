/// The CSV files of a year's report, with their headers exactly as documented.
public enum ReportCSV {
  /// `form8949.csv`: one row per sale and lot.
  public static func form8949(_ rows: [Form8949Row]) -> [UInt8] {
    var writer = CSVWriter(header: [
      "box", "description", "date_acquired", "date_sold", "proceeds", "cost_basis", "code",
      "adjustment", "gain_loss",
    ])
    for row in rows {
      writer.userRow([
        row.box.letter, row.description, row.dateAcquired.description, row.dateSold.description,
        row.proceeds.description, row.costBasis.description, row.code,
        row.code.isEmpty ? "" : row.adjustment.description, row.gainLoss.description,
      ])
    }
    return writer.bytes
  }

  /// `wash-sales.csv`: one row per loss sale and replacement purchase.
  public static func washSales(_ rows: [WashSaleRow]) -> [UInt8] {
    var writer = CSVWriter(header: [
      "symbol", "sale_date", "sale_account", "shares", "disallowed", "replacement_account",
      "replacement_date", "basis_added", "adjusted_acquired", "permanent",
    ])
    for row in rows {
      writer.userRow([
        row.symbol, row.saleDate.description, row.saleAccount, row.shares.description,
        row.disallowed.description, row.replacementAccount, row.replacementDate.description,
        row.basisAdded.description, row.adjustedAcquired.description,
        row.isPermanent ? "yes" : "no",
      ])
    }
    return writer.bytes
  }

  /// `deferred-losses.csv`: losses still deferred in replacement shares at year end.
  public static func deferredLosses(_ rows: [DeferredLossRow]) -> [UInt8] {
    var writer = CSVWriter(header: ["symbol", "account", "lot_date", "shares", "deferred"])
    for row in rows {
      writer.userRow([
        row.symbol, row.account, row.lotDate.description, row.shares.description,
        row.deferred.description,
      ])
    }
    return writer.bytes
  }
}
