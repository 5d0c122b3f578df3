/// One page laid out by a `PageComposer`, ready to draw: positioned text and rules.
public struct ComposedPage: Sendable {
  /// The header the page was started with.
  public var header: PageHeader
  /// What is drawn, in drawing order.
  var elements: [PageElement] = []

  /// Every text run on the page, top to bottom as laid out, for tests and checks.
  public var texts: [String] {
    elements.compactMap {
      if case .text(let text) = $0 { return text.text }
      return nil
    }
  }
}

/// A drawing instruction of a composed page. Coordinates are points from the top-left.
enum PageElement: Sendable {
  /// Text in a cell; shrunk when wider than the cell.
  case text(PlacedText)
  /// A straight rule.
  case rule(x1: Double, y1: Double, x2: Double, y2: Double, width: Double)
}

/// Text placed in a cell `width` points wide whose baseline is `y`.
struct PlacedText: Sendable {
  var text: String
  var x: Double
  var y: Double
  var width: Double
  var size: Double
  var style: String
  var alignment: CellAlignment
}

/// An outline entry a composer recorded: a title and the page (from 0) it points to.
public struct PageMark: Sendable, Equatable {
  /// The outline title.
  public var title: String
  /// The page index within the composer's pages.
  public var page: Int
  /// 0 for a top-level entry under the caller's parent, 1 for one under the previous
  /// level-0 entry.
  public var level: Int
}
