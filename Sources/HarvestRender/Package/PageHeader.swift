/// The block at the top of every page a `PageComposer` makes: a title and labelled values
/// such as the form and part, the box, the tax year, the taxpayer's name and SSN, the broker.
public struct PageHeader: Sendable, Equatable {
  /// The page title, printed in bold.
  public var title: String
  /// Labelled values, printed in two columns, left column first.
  public var fields: [HeaderField]
  /// Printed at the foot of each page, left of the page number.
  public var footer: String

  /// Creates a header.
  public init(title: String, fields: [HeaderField] = [], footer: String = "") {
    self.title = title
    self.fields = fields
    self.footer = footer
  }
}

/// One labelled value of a page header.
public struct HeaderField: Sendable, Equatable {
  /// The label, such as `Tax year`.
  public var label: String
  /// The value, such as `2025`.
  public var value: String

  /// Creates a field.
  public init(_ label: String, _ value: String) {
    self.label = label
    self.value = value
  }
}
