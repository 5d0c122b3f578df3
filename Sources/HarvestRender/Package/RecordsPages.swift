import HarvestCore

/// Lays out the pages an accountant keeps rather than files: the cover sheet, the wash-sale
/// detail and the list of losses still deferred.
enum RecordsPages {
  /// One line of the cover's table of contents.
  struct Entry {
    var part: String
    var title: String
    var firstPage: Int
    var pageCount: Int
  }

  /// The cover sheet.
  static func cover(_ package: ReturnPackage, contents: [Entry]) throws -> PageComposer {
    var composer = try PageComposer(
      header: PageHeader(
        title: "Capital gains package, tax year \(package.taxYear)",
        fields: [
          HeaderField("Taxpayer", package.name),
          HeaderField("SSN or TIN", package.coverID),
          HeaderField("Tax year", String(package.taxYear)),
          HeaderField("Prepared with", "Harvest"),
        ],
        footer: "Cover sheet: keep for your records"))
    composer.paragraph(
      "The first part of this package is filed with the return, in attachment sequence "
        + "order: Schedule D, Form 8949 and the statements attached to Form 8949. The second "
        + "part is kept for your records and explains the figures.")
    composer.heading("What is inside")
    composer.table(
      PageTable(
        columns: [
          TableColumn("Part", width: 150), TableColumn("Document", width: 290),
          TableColumn("Pages", width: 100, alignment: .right),
        ],
        rows: contents.map { entry in
          let last = entry.firstPage + entry.pageCount - 1
          let pages = entry.pageCount == 1 ? "\(entry.firstPage)" : "\(entry.firstPage)–\(last)"
          return [entry.part, entry.title, pages]
        }, fontSize: 9))

    composer.heading("The year in figures")
    let scheduleD = package.scheduleD
    let line21 = scheduleD.amount("21")
    let money = { (amount: Money) in amount.formatted() }
    composer.keyValues([
      HeaderField(
        "Net short-term gain or (loss), Schedule D line 7",
        money(scheduleD.amount("7") ?? .zero)),
      HeaderField(
        "Net long-term gain or (loss), Schedule D line 15",
        money(scheduleD.amount("15") ?? .zero)),
      HeaderField("Net gain or (loss), Schedule D line 16", money(scheduleD.amount("16") ?? .zero)),
      HeaderField(
        "Capital loss deducted this year, Schedule D line 21",
        line21.map { money($0.magnitude) } ?? "none"),
      HeaderField(
        "Short-term loss carried to \(package.taxYear + 1)",
        money(package.worksheet.shortTermCarryover)),
      HeaderField(
        "Long-term loss carried to \(package.taxYear + 1)",
        money(package.worksheet.longTermCarryover)),
    ])
    composer.heading("Rounding")
    composer.paragraph(
      package.wholeDollars
        ? "Form 8949 and its statements print whole dollars: (d) and (e) rounded half away "
          + "from zero, (g) derived so a fully disallowed loss still nets to zero."
        : "Every amount is exact to the cent; no whole-dollar rounding was used.")
    if let statement = package.exception2 {
      composer.paragraph(
        "Form 8949 uses Exception 2: one summary row per broker per box (code M), with "
          + "\(statement.sections.reduce(0) { $0 + $1.rows.count }) transactions listed on "
          + "the attached statements.")
    }
    return composer
  }

  /// The wash-sale pairings of the year.
  static func washSales(_ package: ReturnPackage) throws -> PageComposer {
    var composer = try PageComposer(header: recordsHeader(package, "Wash-sale detail"))
    composer.paragraph(
      "Each line pairs a loss sale of \(package.taxYear) with the purchase that replaced "
        + "some of its shares: the loss disallowed, the basis added to the replacement and "
        + "its acquisition date after tacking. A replacement in an IRA loses the loss for good.")
    let rows = package.washSales
    var disallowed = Money.zero
    var added = Money.zero
    for row in rows {
      disallowed += row.disallowed
      added += row.basisAdded
    }
    composer.table(
      PageTable(
        columns: [
          TableColumn("Symbol", width: 44), TableColumn("Loss sale\ndate", width: 46),
          TableColumn("Sale\naccount", width: 70, wraps: true),
          TableColumn("Shares", width: 46, alignment: .right),
          TableColumn.money("Loss\ndisallowed", width: 58),
          TableColumn("Replacement\naccount", width: 70, wraps: true),
          TableColumn("Replacement\ndate", width: 46), TableColumn.money("Basis\nadded", width: 56),
          TableColumn("Adjusted\nacquired", width: 50),
          TableColumn("Permanent", width: 54, alignment: .center),
        ],
        rows: rows.map { row in
          [
            row.symbol, row.saleDate.usFormat, row.saleAccount, row.shares.description,
            row.disallowed.formatted(), row.replacementAccount, row.replacementDate.usFormat,
            row.basisAdded.formatted(), Form8949Document.acquired(row.adjustedAcquired),
            row.isPermanent ? "yes (IRA)" : "no",
          ]
        },
        total: ["Total", "", "", "", disallowed.formatted(), "", "", added.formatted(), "", ""],
        emptyText: "No wash sales in \(package.taxYear)."))
    return composer
  }

  /// Losses still deferred in replacement shares at year end.
  static func deferredLosses(_ package: ReturnPackage) throws -> PageComposer {
    var composer = try PageComposer(header: recordsHeader(package, "Deferred losses"))
    composer.paragraph(
      "Disallowed losses still held in the basis of replacement shares at the end of "
        + "\(package.taxYear). They become deductible when those shares are sold without "
        + "another wash sale.")
    let rows = package.deferredLosses
    let total = rows.reduce(Money.zero) { $0 + $1.deferred }
    composer.table(
      PageTable(
        columns: [
          TableColumn("Symbol", width: 70), TableColumn("Account", width: 150, wraps: true),
          TableColumn("Lot date", width: 70, alignment: .center),
          TableColumn("Shares", width: 100, alignment: .right),
          TableColumn.money("Deferred loss", width: 150),
        ],
        rows: rows.map {
          [
            $0.symbol, $0.account, $0.lotDate.usFormat, $0.shares.description,
            $0.deferred.formatted(),
          ]
        },
        total: ["Total", "", "", "", total.formatted()],
        emptyText: "No losses are deferred at the end of \(package.taxYear)."))
    return composer
  }

  private static func recordsHeader(_ package: ReturnPackage, _ title: String) -> PageHeader {
    PageHeader(
      title: title,
      fields: [
        HeaderField("Taxpayer", package.name), HeaderField("Tax year", String(package.taxYear)),
      ],
      footer: "\(title), \(package.taxYear): keep for your records")
  }
}
