/// One printed page of Form 8949: up to the form's row count of one box's rows, with the
/// line 2 totals of exactly those rows.
public struct Form8949Page: Sendable, Equatable {
  /// The box checked at the top of the page's part.
  public var box: Form8949Box
  /// The page's place in its box's series, from 1.
  public var number: Int
  /// How many pages the box's series has.
  public var count: Int
  /// The rows printed on the page, in date-sold order.
  public var rows: [Form8949Row]
  /// Line 2: the column totals of `rows`.
  public var totals: Form8949Totals

  /// Creates a page and totals its rows.
  public init(box: Form8949Box, number: Int, count: Int, rows: [Form8949Row]) {
    self.box = box
    self.number = number
    self.count = count
    self.rows = rows
    self.totals = Form8949Totals(rows)
  }
}
