/// The explanation of basis the Form 8949 instructions ask for when column (e) is not the
/// actual cost: wash-sale adjusted, inherited or transferred-in shares.
public struct BasisStatement: Sendable, Equatable {
  /// The rows explained, in the order Form 8949 prints them (box, then date sold).
  public var entries: [BasisStatementEntry]

  /// Picks the rows whose basis needs explaining and finds the wash sales behind each.
  ///
  /// A wash sale is matched to a row by the loss sale behind the row's basis and by the
  /// replacement purchase: the same account and actual purchase date.
  ///
  /// - Parameters:
  ///   - rows: the Form 8949 rows of the year, every transaction.
  ///   - washSales: the year's wash-sale pairings.
  public init(rows: [Form8949Row], washSales: [WashSaleRow]) {
    let bySaleLine = WashSalesBySaleLine(washSales)
    var matches: [Int32] = []
    entries = BasisStatement.explainedInFormOrder(rows).map { index in
      let row = rows[Int(index)]
      matches.removeAll(keepingCapacity: true)
      if let saleLine = row.washSource?.saleLine, let date = row.purchaseDate {
        bySaleLine.append(
          saleLine: saleLine, account: row.account, date: date, in: washSales, to: &matches)
      }
      return BasisStatementEntry(row: row, washSales: matches.map { washSales[Int($0)] })
    }
  }

  /// The indexes of the rows to explain, in form order: by box, keeping the given order
  /// (date sold) within each box.
  private static func explainedInFormOrder(_ rows: [Form8949Row]) -> [Int32] {
    var byBox = Array(repeating: [Int32](), count: Form8949Box.allCases.count)
    for (index, row) in rows.enumerated() where explains(row) {
      byBox[row.box.formOrder].append(Int32(index))
    }
    return Array(byBox.joined())
  }

  /// True when no row needs an explanation.
  public var isEmpty: Bool { entries.isEmpty }

  /// `basis-statement.csv`: the statement's figures, one line per row explained.
  public var csvBytes: [UInt8] {
    var writer = CSVWriter(header: BasisStatement.header, expectedRows: entries.count)
    for entry in entries {
      BasisStatement.csvRow(entry.row, washSource: entry.washSource, &writer)
    }
    return writer.bytes
  }

  /// Whether `row` belongs on the statement: its column (e) is not the actual cost.
  public static func explains(_ row: Form8949Row) -> Bool {
    !row.hasNoBasisNote || row.washBasisAdded != .zero
  }

  /// `basis-statement.csv` for `rows` and `washSales` as a table, to be made in pieces: the
  /// same bytes as `BasisStatement(rows:washSales:).csvBytes`, without copying any row.
  public static func csvTable(
    rows: [Form8949Row], washSales: [WashSaleRow],
    rowsPerPiece: Int = CSVTable.defaultRowsPerPiece
  ) -> CSVTable {
    let bySaleLine = WashSalesBySaleLine(washSales)
    let explained = explainedInFormOrder(rows)
    return CSVTable(header: header, rowCount: explained.count, rowsPerPiece: rowsPerPiece) {
      range, writer in
      var matches: [Int32] = []
      for position in range {
        csvLine(
          rows[Int(explained[position])], bySaleLine: bySaleLine, washSales: washSales,
          matches: &matches, &writer)
      }
    }
  }

  /// One line of the statement. The row is borrowed from the year's rows rather than copied:
  /// a copy would retain and release the strings and loss-sale record it holds, for every
  /// line, on both cores.
  private static func csvLine(
    _ row: borrowing Form8949Row, bySaleLine: WashSalesBySaleLine, washSales: [WashSaleRow],
    matches: inout [Int32], _ writer: inout CSVWriter
  ) {
    // The wash sales that put their loss into this row's shares: the loss sale's pairings
    // with the same replacement account and purchase date.
    matches.removeAll(keepingCapacity: true)
    if row.washBasisAdded != .zero, let saleLine = row.washSource?.saleLine,
      let date = row.purchaseDate
    {
      bySaleLine.append(
        saleLine: saleLine, account: row.account, date: date, in: washSales, to: &matches)
    }
    csvRow(row, &writer)
    if row.washBasisAdded != .zero && !matches.isEmpty {
      quotedSaleList(matches.lazy.map { washSales[Int($0)] }, into: &writer)
    } else {
      writer.text(
        BasisStatementEntry.washSource(
          of: copy row, sales: matches.lazy.map { washSales[Int($0)] }))
    }
    writer.endRow()
  }

  private static let header = [
    "box", "description", "date_sold", "purchase_date", "actual_cost", "loss_added",
    "cost_basis", "date_acquired", "reason", "wash_sale",
  ]

  private static func csvRow(_ row: Form8949Row, washSource: String, _ writer: inout CSVWriter) {
    csvRow(row, &writer)
    writer.text(washSource)
    writer.endRow()
  }

  /// Every field of a row but the last, `wash_sale`.
  private static func csvRow(_ row: Form8949Row, _ writer: inout CSVWriter) {
    writer.text(row.box.letter, fromUser: false)
    writer.description(of: row)
    writer.date(row.dateSold)
    if let date = row.purchaseDate { writer.date(date) } else { writer.holding(.inherited) }
    writer.money(row.actualCost)
    writer.money(row.washBasisAdded)
    writer.money(row.costBasis)
    writer.holding(row.dateAcquired)
    writer.text(row.basisNote, fromUser: false)
  }

  /// The list of loss sales of `BasisStatementEntry.washSource` written as its CSV field:
  /// every item holds a comma, so the field is always quoted, and a first symbol that would
  /// start a formula gets an apostrophe (the text, with its words, is never a plain number).
  private static func quotedSaleList<C: Collection<WashSaleRow>>(
    _ sales: C, into writer: inout CSVWriter
  ) {
    writer.beginField()
    writer.append(byte: UInt8(ascii: "\""))
    switch sales.first?.symbol.utf8.first {
    case UInt8(ascii: "=")?, UInt8(ascii: "+")?, UInt8(ascii: "-")?, UInt8(ascii: "@")?, 9?, 13?:
      writer.append(byte: UInt8(ascii: "'"))
    default:
      break
    }
    var first = true
    for sale in sales {
      if !first { writer.append("; ") }
      first = false
      writer.append(escaping: sale.symbol)
      writer.append(" sold ")
      writer.appendUSDate(sale.saleDate)
      writer.append(" in ")
      writer.append(escaping: sale.saleAccount)
      writer.append(", ")
      writer.appendGrouped(sale.disallowed)
      writer.append(" disallowed")
    }
    writer.append(byte: UInt8(ascii: "\""))
  }
}

/// The indexes of the wash sales that added basis, grouped by the line of their loss sale,
/// each group in the order given, so that a row finds its loss sale's pairings with one
/// look-up rather than a search.
private struct WashSalesBySaleLine {
  /// Where each line's group starts in `order`, by line minus `lowest` (lines close
  /// together, the usual case); the group of line `l` is `order[starts[l]..<starts[l + 1]]`.
  private var starts: [Int32] = []
  private var lowest = 0
  private var order: [Int32] = []
  /// The groups by line, when the lines are too far apart for a table.
  private var groups: [Int: [Int32]] = [:]

  init(_ washSales: [WashSaleRow]) {
    let added = washSales.indices.filter { washSales[$0].basisAdded != .zero }
    guard let low = added.map({ washSales[$0].saleLine }).min(),
      let high = added.map({ washSales[$0].saleLine }).max()
    else { return }
    let (span, overflow) = high.subtractingReportingOverflow(low)
    guard !overflow, span < 4 * added.count + 65_536 else {
      for index in added { groups[washSales[index].saleLine, default: []].append(Int32(index)) }
      return
    }
    lowest = low
    starts = Array(repeating: 0, count: span + 2)
    for index in added { starts[washSales[index].saleLine - low + 1] += 1 }
    for line in 0...span { starts[line + 1] += starts[line] }
    var next = starts
    order = Array(repeating: 0, count: added.count)
    for index in added {
      let line = washSales[index].saleLine - low
      order[Int(next[line])] = Int32(index)
      next[line] += 1
    }
    // A loss sale with many replacements is searched by account and date, not scanned.
    for line in 0...span where starts[line + 1] - starts[line] > WashSalesBySaleLine.scanned {
      order[Int(starts[line])..<Int(starts[line + 1])].sort {
        WashSalesBySaleLine.precedes(washSales[Int($0)], $0, washSales[Int($1)], $1)
      }
    }
  }

  /// Groups up to this size are scanned; larger ones are sorted and searched.
  private static let scanned = 16

  /// Order within a large group: by replacement account and date, then as given.
  private static func precedes(_ a: WashSaleRow, _ i: Int32, _ b: WashSaleRow, _ j: Int32) -> Bool {
    if a.replacementAccount != b.replacementAccount {
      return a.replacementAccount < b.replacementAccount
    }
    if a.replacementDate != b.replacementDate { return a.replacementDate < b.replacementDate }
    return i < j
  }

  /// Appends to `found` the wash sales of the loss sale on `saleLine` whose replacement was
  /// bought in `account` on `date`, in the order given.
  func append(
    saleLine: Int, account: String, date: CivilDate, in washSales: [WashSaleRow],
    to found: inout [Int32]
  ) {
    let group = indices(saleLine: saleLine)
    func matches(_ index: Int32) -> Bool {
      washSales[Int(index)].replacementDate == date
        && washSales[Int(index)].replacementAccount == account
    }
    guard group.count > WashSalesBySaleLine.scanned, !starts.isEmpty else {
      for index in group where matches(index) { found.append(index) }
      return
    }
    var low = group.startIndex, high = group.endIndex
    while low < high {
      let middle = (low + high) / 2
      let sale = washSales[Int(group[middle])]
      let before =
        sale.replacementAccount != account
        ? sale.replacementAccount < account : sale.replacementDate < date
      if before { low = middle + 1 } else { high = middle }
    }
    var end = low
    while end < group.endIndex && matches(group[end]) { end += 1 }
    found.append(contentsOf: group[low..<end])
  }

  /// The wash sales of the loss sale on `saleLine`, in the order given.
  func indices(saleLine: Int) -> ArraySlice<Int32> {
    if starts.isEmpty { return groups[saleLine]?[...] ?? [] }
    let (line, overflow) = saleLine.subtractingReportingOverflow(lowest)
    guard !overflow, line >= 0, line + 1 < starts.count else { return [] }
    return order[Int(starts[line])..<Int(starts[line + 1])]
  }
}
