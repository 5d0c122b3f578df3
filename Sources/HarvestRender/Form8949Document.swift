import HarvestCore

/// Everything printed on a taxpayer's Form 8949 pages for one year.
public struct Form8949Document: Sendable {
  /// The tax year; picks the template.
  public var taxYear: Int
  /// Name(s) shown on the return.
  public var name: String
  /// Social security number or TIN, printed as given.
  public var ssn: String
  /// Every row, of any boxes, in any order.
  public var rows: [Form8949Row]
  /// Print whole dollars (see `WholeDollarRounding`).
  public var wholeDollars: Bool

  /// Creates a document.
  public init(
    taxYear: Int, name: String, ssn: String, rows: [Form8949Row],
    wholeDollars: Bool = false
  ) {
    self.taxYear = taxYear
    self.name = name
    self.ssn = ssn
    self.rows = rows
    self.wholeDollars = wholeDollars
  }

  /// The pages, `rowsPerPage` rows at most, from whole-dollar rows when asked.
  public func pages(rowsPerPage: Int) -> [Form8949Page] {
    let printed = wholeDollars ? WholeDollarRounding.round(rows) : rows
    return Form8949Pagination(rowsPerPage: rowsPerPage).pages(for: printed)
  }

  /// The values of one page for the template's named cells.
  func fill(_ page: Form8949Page) -> PageFill {
    let money = { (amount: Money) in amount.formatted(wholeDollars: wholeDollars) }
    var fields = ["name": name, "ssn": ssn]
    fields["total.d"] = money(page.totals.proceeds)
    fields["total.e"] = money(page.totals.costBasis)
    if page.rows.contains(where: { $0.adjustment != .zero }) {
      fields["total.g"] = money(page.totals.adjustment)
    }
    fields["total.h"] = money(page.totals.gainLoss)

    let rows = page.rows.map { row -> [String: String] in
      var cells = [
        "a": row.description, "b": Self.acquired(row.dateAcquired), "c": row.dateSold.usFormat,
        "d": money(row.proceeds), "e": money(row.costBasis), "h": money(row.gainLoss),
      ]
      if !row.code.isEmpty { cells["f"] = row.code }
      if row.adjustment != .zero || !row.code.isEmpty { cells["g"] = money(row.adjustment) }
      return cells
    }
    return PageFill(
      templatePage: page.box.isLongTerm ? 1 : 0, fields: fields,
      checked: ["box." + page.box.letter], rows: rows)
  }

  /// Column (b): MM/DD/YYYY, or INHERITED.
  static func acquired(_ start: HoldingStart) -> String {
    switch start {
    case .date(let date): return date.usFormat
    case .inherited: return "INHERITED"
    }
  }
}
