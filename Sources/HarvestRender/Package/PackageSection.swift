/// One document inside the return package, with where it sits.
public struct PackageSection: Sendable, Equatable {
  /// `File with your return` or `Keep for your records`.
  public var part: String
  /// The document's name, as in the outline.
  public var title: String
  /// Its first page in the package, from 1.
  public var firstPage: Int
  /// How many pages it has.
  public var pageCount: Int
}
