import HarvestCore

/// Lays out the statements attached to Form 8949: the Exception 2 transaction lists and the
/// explanation of basis. Both go into one composer so their pages are numbered together.
enum StatementPages {
  /// The columns (a)–(h) of Form 8949, at the widths of the form's own grid.
  static let formColumns = [
    TableColumn("(a) Description\nof property", width: 136),
    TableColumn("(b) Date\nacquired", width: 50.4, alignment: .center),
    TableColumn("(c) Date sold\nor disposed of", width: 50.4, alignment: .center),
    TableColumn.money("(d) Proceeds\n(sales price)", width: 64),
    TableColumn.money("(e) Cost or\nother basis", width: 64),
    TableColumn("(f) Code(s)", width: 43.2, alignment: .center),
    TableColumn.money("(g) Amount of\nadjustment", width: 64),
    TableColumn.money("(h) Gain or\n(loss)", width: 68),
  ]

  /// The statements of `package`, or nil when it needs none.
  static func compose(_ package: ReturnPackage) throws -> PageComposer? {
    guard package.exception2 != nil || !package.basis.isEmpty else { return nil }
    var composer = try PageComposer(header: PageHeader(title: ""))
    if let statement = package.exception2 {
      exception2(statement, package, into: &composer)
    }
    if !package.basis.isEmpty {
      basis(package, into: &composer)
    }
    return composer
  }

  /// One section per box and broker, each starting a page.
  static func exception2(
    _ statement: Exception2Statement, _ package: ReturnPackage, into composer: inout PageComposer
  ) {
    let money = { (amount: Money) in amount.formatted(wholeDollars: package.wholeDollars) }
    for section in statement.sections {
      let part = section.box.isLongTerm ? "Part II (long-term)" : "Part I (short-term)"
      composer.newPage()
      composer.header = PageHeader(
        title: "Statement attached to Form 8949 (Exception 2)",
        fields: [
          HeaderField("Form and part", "Form 8949, \(part)"),
          HeaderField("Box checked", section.box.letter),
          HeaderField("Tax year", String(package.taxYear)),
          HeaderField("Broker", section.broker),
          HeaderField("Name(s) on return", package.name),
          HeaderField("SSN or TIN", package.ssn),
        ],
        footer: "Form 8949 (\(package.taxYear)) box \(section.box.letter), \(section.broker): "
          + "the closing total equals this broker's summary row on Form 8949")
      composer.mark("Exception 2 statement, box \(section.box.letter), \(section.broker)")

      let rows = section.rows
      let cells = rows.map { row -> [String] in
        let showsG = row.adjustment != .zero || !row.code.isEmpty
        return [
          row.description, Form8949Document.acquired(row.dateAcquired), row.dateSold.usFormat,
          money(row.proceeds), money(row.costBasis), row.code,
          showsG ? money(row.adjustment) : "", money(row.gainLoss),
        ]
      }
      let totalCells = { (label: String, totals: Form8949Totals) -> [String] in
        [
          label, "", "", money(totals.proceeds), money(totals.costBasis), "",
          money(totals.adjustment), money(totals.gainLoss),
        ]
      }
      let summary = section.summary
      composer.table(
        PageTable(
          columns: formColumns, rows: cells,
          pageTotal: { range in totalCells("Page total", Form8949Totals(rows[range])) },
          total: totalCells(
            "Total, box \(section.box.letter) (code \(summary.code))",
            summary.totals)))
    }
  }

  /// The explanation of basis, column (e).
  static func basis(_ package: ReturnPackage, into composer: inout PageComposer) {
    composer.newPage()
    composer.header = PageHeader(
      title: "Explanation of basis: Form 8949, column (e)",
      fields: [
        HeaderField("Form", "Form 8949"),
        HeaderField("Tax year", String(package.taxYear)),
        HeaderField("Name(s) on return", package.name),
        HeaderField("SSN or TIN", package.ssn),
      ],
      footer: "Form 8949 (\(package.taxYear)): basis that is not the actual cost")
    composer.mark("Explanation of basis, column (e)")
    composer.paragraph(
      "Column (e) of these sales is not what the shares actually cost. Each line gives the "
        + "actual purchase date and cost, the disallowed wash-sale loss added to the basis "
        + "and the loss sale it came from, and the acquisition date shown in column (b) "
        + "after the washed shares' holding period was added to the replacement shares'.")
    let columns = [
      TableColumn("(a) Description", width: 84, wraps: true),
      TableColumn("Box", width: 20, alignment: .center),
      TableColumn("(c) Date\nsold", width: 44, alignment: .center),
      TableColumn("Actual\npurchase date", width: 46, alignment: .center),
      TableColumn.money("Actual\ncost", width: 56),
      TableColumn.money("Wash-sale\nloss added", width: 52),
      TableColumn.money("(e) Cost or\nother basis", width: 56),
      TableColumn("(b) Date\nacquired", width: 46, alignment: .center),
      TableColumn("Reason and wash sale", width: 136, wraps: true),
    ]
    let rows = package.basis.entries.map { entry -> [String] in
      let row = entry.row
      let reason = entry.washSource.isEmpty ? entry.reason : entry.reason + ": " + entry.washSource
      return [
        row.description, row.box.letter, row.dateSold.usFormat,
        row.purchaseDate?.usFormat ?? "INHERITED", package.money(row.actualCost),
        row.washBasisAdded == .zero ? "" : package.money(row.washBasisAdded),
        package.money(row.costBasis), Form8949Document.acquired(row.dateAcquired), reason,
      ]
    }
    composer.table(PageTable(columns: columns, rows: rows, fontSize: 7))
  }
}
