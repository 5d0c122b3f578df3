import HarvestCore

/// Fills Form 8949 pages with Exception 2 summary rows: one row per broker per box, boxes in
/// form order, as many pages per box as its brokers need.
enum Form8949SummaryFill {
  /// The filled pages.
  ///
  /// - Parameter rowsPerPage: the template's transaction rows a part.
  static func fills(
    _ rows: [Form8949SummaryRow], name: String, ssn: String, rowsPerPage: Int,
    wholeDollars: Bool
  ) -> [(box: Form8949Box, fill: PageFill)] {
    let money = { (amount: Money) in amount.formatted(wholeDollars: wholeDollars) }
    var result: [(box: Form8949Box, fill: PageFill)] = []
    for box in Form8949Box.allCases.sorted() {
      let boxRows = rows.filter { $0.box == box }
      for start in stride(from: 0, to: boxRows.count, by: rowsPerPage) {
        let page = boxRows[start..<min(start + rowsPerPage, boxRows.count)]
        var totals = Form8949Totals()
        for row in page {
          totals.proceeds += row.totals.proceeds
          totals.costBasis += row.totals.costBasis
          totals.adjustment += row.totals.adjustment
          totals.gainLoss += row.totals.gainLoss
        }
        var fields = ["name": name, "ssn": ssn]
        fields["total.d"] = money(totals.proceeds)
        fields["total.e"] = money(totals.costBasis)
        if page.contains(where: \.showsAdjustment) { fields["total.g"] = money(totals.adjustment) }
        fields["total.h"] = money(totals.gainLoss)
        let cells = page.map { row -> [String: String] in
          var cells = [
            "a": row.description, "d": money(row.totals.proceeds),
            "e": money(row.totals.costBasis), "f": row.code, "h": money(row.totals.gainLoss),
          ]
          if row.showsAdjustment { cells["g"] = money(row.totals.adjustment) }
          return cells
        }
        let fill = PageFill(
          templatePage: box.isLongTerm ? 1 : 0, fields: fields, checked: ["box." + box.letter],
          rows: cells)
        result.append((box, fill))
      }
    }
    return result
  }
}
