/// The values for one page drawn from a template: text for named fields, the names of the
/// check boxes to mark and the cells of each grid row. The renderer places them by name and
/// knows nothing else about the form.
public struct PageFill: Sendable, Equatable {
  /// Which page of the template to draw, from 0.
  public var templatePage: Int
  /// Text for fields, by field name.
  public var fields: [String: String]
  /// Names of the check boxes to mark.
  public var checked: Set<String>
  /// One dictionary per grid row, by column name, top row first.
  public var rows: [[String: String]]

  /// Creates the values for a page.
  public init(
    templatePage: Int, fields: [String: String] = [:], checked: Set<String> = [],
    rows: [[String: String]] = []
  ) {
    self.templatePage = templatePage
    self.fields = fields
    self.checked = checked
    self.rows = rows
  }
}
