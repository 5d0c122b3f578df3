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
    for row in rows where BasisStatement.explains(row) {
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
    var writer = BasisStatement.writer(expectedRows: entries.count)
    for entry in entries {
      BasisStatement.csvRow(entry.row, washSource: entry.washSource, &writer)
    }
    return writer.bytes
  }

  /// Whether `row` belongs on the statement: its column (e) is not the actual cost.
  public static func explains(_ row: Form8949Row) -> Bool {
    !row.basisNote.isEmpty || row.washBasisAdded != .zero
  }

  /// `basis-statement.csv` for `rows` and `washSales`, handed to `consume` in pieces: the
  /// same bytes as `BasisStatement(rows:washSales:).csvBytes`, without copying any row.
  public static func csv<E: Error>(
    rows: [Form8949Row], washSales: [WashSaleRow], chunks consume: ([UInt8]) throws(E) -> Void
  ) throws(E) {
    // The wash sales that added basis, ordered by (sale line, replacement account, date)
    // and, within one key, as given; a row finds its run by binary search.
    var accountIDs: [String: Int] = [:]
    func accountID(_ name: String) -> Int {
      if let id = accountIDs[name] { return id }
      accountIDs[name] = accountIDs.count
      return accountIDs.count - 1
    }
    var keys: [WashSaleKey] = []
    for (index, sale) in washSales.enumerated() where sale.basisAdded != .zero {
      keys.append(
        WashSaleKey(
          saleLine: sale.saleLine, account: accountID(sale.replacementAccount),
          date: sale.replacementDate, index: index))
    }
    if zip(keys, keys.dropFirst()).contains(where: { $1 < $0 }) { keys.sort() }

    // In form order: by box, keeping the given order (date sold) within each box.
    var byBox = Array(repeating: [Int32](), count: Form8949Box.allCases.count)
    for (index, row) in rows.enumerated() where explains(row) {
      byBox[row.box.formOrder].append(Int32(index))
    }
    let total = byBox.reduce(0) { $0 + $1.count }
    var writer = writer(expectedRows: ReportCSV.rowsPerChunk(total))
    var field: [UInt8] = []
    for index in byBox.joined() {
      let row = rows[Int(index)]
      var matches: Range<Int> = 0..<0
      if row.washBasisAdded != .zero, let source = row.washSource, let date = row.purchaseDate,
        let account = accountIDs[row.account]
      {
        let first = WashSaleKey(saleLine: source.saleLine, account: account, date: date, index: -1)
        var low = 0, high = keys.count
        while low < high {
          let middle = (low + high) / 2
          if keys[middle] < first { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < keys.count && keys[end].saleLine == source.saleLine
          && keys[end].account == account && keys[end].date == date
        {
          end += 1
        }
        matches = low..<end
      }
      field.removeAll(keepingCapacity: true)
      washSourceText(row, sales: keys[matches].lazy.map { washSales[$0.index] }, into: &field)
      csvRow(row, &writer)
      writer.text(utf8: field)
      writer.endRow()
      try writer.spill(over: ReportCSV.chunkSize, to: consume)
    }
    try consume(writer.bytes)
  }

  private static func writer(expectedRows: Int) -> CSVWriter {
    CSVWriter(
      header: [
        "box", "description", "date_sold", "purchase_date", "actual_cost", "loss_added",
        "cost_basis", "date_acquired", "reason", "wash_sale",
      ], expectedRows: expectedRows)
  }

  private static func csvRow(_ row: Form8949Row, washSource: String, _ writer: inout CSVWriter) {
    csvRow(row, &writer)
    writer.text(washSource)
    writer.endRow()
  }

  /// Every field of a row but the last, `wash_sale`.
  private static func csvRow(_ row: Form8949Row, _ writer: inout CSVWriter) {
    writer.text(row.box.letter, fromUser: false)
    if let custom = row.customDescription {
      writer.text(custom)
    } else {
      writer.generatedDescription(row.shares, symbol: row.symbol, units: row.isDigitalAsset)
    }
    writer.date(row.dateSold)
    if let date = row.purchaseDate { writer.date(date) } else { writer.holding(.inherited) }
    writer.money(row.actualCost)
    writer.money(row.washBasisAdded)
    writer.money(row.costBasis)
    writer.holding(row.dateAcquired)
    writer.text(row.basisNote, fromUser: false)
  }

  /// `BasisStatementEntry.washSource` written as UTF-8 bytes, without intermediate strings.
  private static func washSourceText<C: Collection<WashSaleRow>>(
    _ row: Form8949Row, sales: C, into field: inout [UInt8]
  ) {
    guard row.washBasisAdded != .zero else { return }
    if sales.isEmpty, let source = row.washSource {
      field.append(contentsOf: source.symbol.utf8)
      field.append(contentsOf: " sold ".utf8)
      appendUSDate(source.saleDate, &field)
      field.append(contentsOf: " in ".utf8)
      field.append(contentsOf: source.saleAccount.utf8)
      return
    }
    if sales.isEmpty {
      field.append(contentsOf: "loss sale before \(row.dateSold.year)".utf8)
      return
    }
    var first = true
    for sale in sales {
      if !first { field.append(contentsOf: "; ".utf8) }
      first = false
      field.append(contentsOf: sale.symbol.utf8)
      field.append(contentsOf: " sold ".utf8)
      appendUSDate(sale.saleDate, &field)
      field.append(contentsOf: " in ".utf8)
      field.append(contentsOf: sale.saleAccount.utf8)
      field.append(contentsOf: ", ".utf8)
      appendFormatted(sale.disallowed, &field)
      field.append(contentsOf: " disallowed".utf8)
    }
  }

  /// `CivilDate.usFormat`: `MM/DD/YYYY`.
  private static func appendUSDate(_ date: CivilDate, _ field: inout [UInt8]) {
    let parts = date.components
    func digits(_ value: Int, _ width: Int) {
      var divisor = 1
      for _ in 1..<width { divisor *= 10 }
      // A value wider than `width` keeps all its digits, as `usFormat` does.
      while divisor * 10 <= value { divisor *= 10 }
      var rest = value
      while divisor > 0 {
        field.append(UInt8(ascii: "0") + UInt8(rest / divisor))
        rest %= divisor
        divisor /= 10
      }
    }
    digits(parts.month, 2)
    field.append(UInt8(ascii: "/"))
    digits(parts.day, 2)
    field.append(UInt8(ascii: "/"))
    digits(parts.year, 4)
  }

  /// `Money.formatted()`: `1,234.56`, negatives in parentheses.
  private static func appendFormatted(_ amount: Money, _ field: inout [UInt8]) {
    if amount.cents < 0 { field.append(UInt8(ascii: "(")) }
    let absolute = amount.cents.magnitude
    let whole = absolute / 100
    var divisor: UInt64 = 1
    var count = 1
    while divisor <= whole / 10 {
      divisor *= 10
      count += 1
    }
    var rest = whole
    while divisor > 0 {
      field.append(UInt8(ascii: "0") + UInt8(rest / divisor))
      rest %= divisor
      divisor /= 10
      count -= 1
      if count > 0 && count % 3 == 0 { field.append(UInt8(ascii: ",")) }
    }
    let fraction = absolute % 100
    field.append(UInt8(ascii: "."))
    field.append(UInt8(ascii: "0") + UInt8(fraction / 10))
    field.append(UInt8(ascii: "0") + UInt8(fraction % 10))
    if amount.cents < 0 { field.append(UInt8(ascii: ")")) }
  }
}

/// Where a wash sale's added basis went: the loss sale's line, the replacement account (as a
/// small number) and purchase date; `index` keeps wash sales of one key in their given order.
private struct WashSaleKey: Comparable {
  var saleLine: Int
  var account: Int
  var date: CivilDate
  var index: Int

  static func < (a: WashSaleKey, b: WashSaleKey) -> Bool {
    (a.saleLine, a.account, a.date.dayNumber, a.index)
      < (b.saleLine, b.account, b.date.dayNumber, b.index)
  }
}
