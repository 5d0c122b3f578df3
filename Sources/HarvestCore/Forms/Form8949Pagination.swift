/// Lays Form 8949 rows out on pages: one series of pages per box, boxes in the form's order
/// (A, B, C, G, H, I, then D, E, F, J, K, L), rows in date-sold order, at most the form's
/// row count a page.
///
/// The CSV, statement and PDF writers share this so that the pages they describe agree.
public struct Form8949Pagination: Sendable {
  /// The most rows one page holds (14 on the 2024 form, 11 from 2025).
  public let rowsPerPage: Int

  /// Creates a pagination for a form with `rowsPerPage` transaction rows a part.
  ///
  /// - Parameter rowsPerPage: at least 1.
  public init(rowsPerPage: Int) {
    precondition(rowsPerPage > 0, "a page holds at least one row")
    self.rowsPerPage = rowsPerPage
  }

  /// The pages for `rows`.
  ///
  /// Rows sold on the same day keep the order they were given in, so the output does not
  /// depend on how the sort breaks ties. A box without rows gets no page.
  ///
  /// - Parameter rows: rows of any boxes, in any order.
  /// - Returns: the pages, box by box in form order.
  public func pages(for rows: [Form8949Row]) -> [Form8949Page] {
    var byBox: [Form8949Box: [Form8949Row]] = [:]
    for row in rows { byBox[row.box, default: []].append(row) }

    var pages: [Form8949Page] = []
    for box in Form8949Box.allCases.sorted() {
      guard let boxRows = byBox[box] else { continue }
      let ordered = boxRows.enumerated()
        .sorted { ($0.element.dateSold, $0.offset) < ($1.element.dateSold, $1.offset) }
        .map(\.element)
      let count = (ordered.count + rowsPerPage - 1) / rowsPerPage
      for index in 0..<count {
        let start = index * rowsPerPage
        let slice = ordered[start..<min(start + rowsPerPage, ordered.count)]
        pages.append(Form8949Page(box: box, number: index + 1, count: count, rows: Array(slice)))
      }
    }
    return pages
  }
}
