import HarvestCore

/// How a table cell's text sits between the cell's edges.
public enum CellAlignment: Sendable, Equatable {
  /// Against the left edge.
  case left
  /// Centred.
  case center
  /// Against the right edge, as amounts are printed.
  case right
}

/// One column of a `PageTable`.
public struct TableColumn: Sendable, Equatable {
  /// The heading; a line break starts a new heading line.
  public var title: String
  /// The width in points.
  public var width: Double
  /// Where text sits in the cell.
  public var alignment: CellAlignment
  /// Whether long text wraps onto more lines (otherwise it is shrunk to fit one line).
  public var wraps: Bool

  /// Creates a column.
  public init(_ title: String, width: Double, alignment: CellAlignment = .left, wraps: Bool = false)
  {
    self.title = title
    self.width = width
    self.alignment = alignment
    self.wraps = wraps
  }

  /// A right-aligned column for amounts formatted with `PageTable.money(_:wholeDollars:)`.
  public static func money(_ title: String, width: Double) -> TableColumn {
    TableColumn(title, width: width, alignment: .right)
  }
}

/// A table for `PageComposer.table(_:)`: column headings repeated on every page it spans,
/// rows, an optional total of each page's rows and an optional total of all of them.
public struct PageTable {
  /// The columns, left to right; their widths should add up to at most the page's 540 points.
  public var columns: [TableColumn]
  /// The cells, one array per row, one string per column.
  public var rows: [[String]]
  /// Font size of the cells.
  public var fontSize: Double
  /// The cells of the total row printed under each page's part of the table, given the
  /// indexes of the rows on that page; nil for no page totals.
  public var pageTotal: ((Range<Int>) -> [String])?
  /// The cells of the row printed after the last row; nil for none.
  public var total: [String]?
  /// Printed when `rows` is empty.
  public var emptyText: String

  /// Creates a table.
  public init(
    columns: [TableColumn], rows: [[String]], fontSize: Double = 7.5,
    pageTotal: ((Range<Int>) -> [String])? = nil, total: [String]? = nil,
    emptyText: String = "None."
  ) {
    self.columns = columns
    self.rows = rows
    self.fontSize = fontSize
    self.pageTotal = pageTotal
    self.total = total
    self.emptyText = emptyText
  }

  /// An amount as the forms print it: thousands separators, negatives in parentheses.
  public static func money(_ amount: Money, wholeDollars: Bool = false) -> String {
    amount.formatted(wholeDollars: wholeDollars)
  }
}
