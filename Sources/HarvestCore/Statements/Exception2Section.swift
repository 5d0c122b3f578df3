/// The part of an Exception 2 statement for one broker and one box: every transaction in
/// date-sold order and the summary row that carries their totals to Form 8949.
public struct Exception2Section: Sendable, Equatable {
  /// The box of every row.
  public var box: Form8949Box
  /// The broker that reported the rows.
  public var broker: String
  /// The transactions, in date-sold order, ties in the order given.
  public var rows: [Form8949Row]
  /// The row printed on Form 8949 for this section.
  public var summary: Form8949SummaryRow

  /// Creates a section and its summary row from `rows`.
  public init(box: Form8949Box, broker: String, rows: [Form8949Row]) {
    self.box = box
    self.broker = broker
    self.rows = rows
    self.summary = Form8949SummaryRow(
      box: box, broker: broker, code: Exception2.summaryCode(rows),
      totals: Form8949Totals(rows), transactionCount: rows.count)
  }
}
