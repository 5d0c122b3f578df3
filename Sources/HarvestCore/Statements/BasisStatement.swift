/// The explanation of basis the Form 8949 instructions ask for when column (e) is not the
/// actual cost: wash-sale adjusted, inherited or transferred-in shares.
public struct BasisStatement: Sendable, Equatable {
  /// The rows explained, in the order Form 8949 prints them (box, then date sold).
  public var entries: [BasisStatementEntry]

  /// Picks the rows whose basis needs explaining and finds the wash sales behind each.
  ///
  /// A wash sale is matched to a row by the replacement purchase: the same account, symbol
  /// and actual purchase date.
  ///
  /// - Parameters:
  ///   - rows: the Form 8949 rows of the year, every transaction.
  ///   - washSales: the year's wash-sale pairings.
  public init(rows: [Form8949Row], washSales: [WashSaleRow]) {
    struct Key: Hashable {
      var saleLine: Int
      var account: String
      var date: CivilDate
    }
    var byReplacement: [Key: [WashSaleRow]] = [:]
    for sale in washSales where sale.basisAdded != .zero {
      let key = Key(
        saleLine: sale.saleLine, account: sale.replacementAccount, date: sale.replacementDate)
      byReplacement[key, default: []].append(sale)
    }

    // In form order: by box, keeping the given order (date sold) within each box.
    var byBox = Array(repeating: [Form8949Row](), count: Form8949Box.allCases.count)
    for row in rows where !row.basisNote.isEmpty || row.washBasisAdded != .zero {
      byBox[row.box.formOrder].append(row)
    }
    entries = byBox.joined().map { row in
      var sales: [WashSaleRow] = []
      if let source = row.washSource, let date = row.purchaseDate {
        let key = Key(saleLine: source.saleLine, account: row.account, date: date)
        sales = byReplacement[key] ?? []
      }
      return BasisStatementEntry(row: row, washSales: sales)
    }
  }

  /// True when no row needs an explanation.
  public var isEmpty: Bool { entries.isEmpty }

  /// `basis-statement.csv`: the statement's figures, one line per row explained.
  public var csvBytes: [UInt8] {
    var writer = CSVWriter(
      header: [
        "box", "description", "date_sold", "purchase_date", "actual_cost", "loss_added",
        "cost_basis", "date_acquired", "reason", "wash_sale",
      ], expectedRows: entries.count)
    for entry in entries {
      let row = entry.row
      writer.text(row.box.letter, fromUser: false)
      writer.text(row.description)
      writer.date(row.dateSold)
      if let date = row.purchaseDate { writer.date(date) } else { writer.holding(.inherited) }
      writer.money(row.actualCost)
      writer.money(row.washBasisAdded)
      writer.money(row.costBasis)
      writer.holding(row.dateAcquired)
      writer.text(entry.reason, fromUser: false)
      writer.text(entry.washSource)
      writer.endRow()
    }
    return writer.bytes
  }
}
