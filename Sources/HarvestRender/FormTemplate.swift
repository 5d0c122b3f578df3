/// The layout of one form for one tax year, read from `Templates/<year>/<form>.json`.
///
/// Coordinates are points from the top-left corner of the page; text `y` is the baseline.
/// Templates/README.md describes the format.
public struct FormTemplate: Decodable, Sendable {
  /// The format version; 1.
  public var format: Int
  /// `8949`, `schedule-d` or `carryover-worksheet`.
  public var form: String
  /// The tax year the template is for.
  public var taxYear: Int
  /// The official PDF the geometry was taken from.
  public var source: String?
  /// True when the layout is not from the final form of `taxYear`.
  public var draft: Bool?
  /// Why the template is a draft, or anything else a user should know.
  public var note: String?
  /// The pages, in the official form's order.
  public var pages: [TemplatePage]
}

/// One page of a form template: its fixed content and the places values go.
public struct TemplatePage: Decodable, Sendable {
  /// Page width in points.
  public var width: Double
  /// Page height in points.
  public var height: Double
  /// Printed text.
  public var texts: [TemplateText]
  /// Rules, boxes and filled shapes.
  public var shapes: [TemplateShape]
  /// Check boxes that can be marked, by name.
  public var checkboxes: [TemplateBox]
  /// Cells that receive one value each, by name.
  public var fields: [TemplateField]
  /// The repeating transaction rows, if the page has them.
  public var grid: TemplateGrid?
}

/// A run of printed text.
public struct TemplateText: Decodable, Sendable {
  /// The characters.
  public var text: String
  /// Left edge (or centre or right edge, by `align`).
  public var x: Double
  /// Baseline.
  public var y: Double
  /// Font size in points.
  public var size: Double
  /// `regular`, `bold`, `italic` or `boldItalic`.
  public var font: String
  /// The width the official form gives the run; wider substitute text is condensed to it.
  public var width: Double?
  /// `left` (default), `center` or `right`.
  public var align: String?
  /// Gray level, 0 black (default) to 1 white.
  public var gray: Double?
  /// Drawn as an outline, like the hollow century digits of the year.
  public var outline: Bool?
}

/// A rule, a rectangle or a general path.
public struct TemplateShape: Decodable, Sendable {
  /// One step of a path.
  public enum Command: Sendable {
    case move(Double, Double)
    case line(Double, Double)
    case curve(Double, Double, Double, Double, Double, Double)
    case close
  }

  /// The outline of the shape.
  public var commands: [Command]
  /// Fill gray level, or nil for no fill.
  public var fill: Double?
  /// Stroke width, or nil for no stroke.
  public var lineWidth: Double?
  /// Stroke gray level.
  public var gray: Double

  private enum Keys: String, CodingKey {
    case kind, x1, y1, x2, y2, x, y, width, height, commands, fill, lineWidth, gray
  }

  /// Reads a `line`, `rect` or `path` shape.
  public init(from decoder: Decoder) throws {
    let values = try decoder.container(keyedBy: Keys.self)
    fill = try values.decodeIfPresent(Double.self, forKey: .fill)
    lineWidth = try values.decodeIfPresent(Double.self, forKey: .lineWidth)
    gray = try values.decodeIfPresent(Double.self, forKey: .gray) ?? 0
    switch try values.decode(String.self, forKey: .kind) {
    case "line":
      commands = [
        .move(
          try values.decode(Double.self, forKey: .x1), try values.decode(Double.self, forKey: .y1)),
        .line(
          try values.decode(Double.self, forKey: .x2), try values.decode(Double.self, forKey: .y2)),
      ]
      if lineWidth == nil { lineWidth = 0.5 }
    case "rect":
      let x = try values.decode(Double.self, forKey: .x)
      let y = try values.decode(Double.self, forKey: .y)
      let width = try values.decode(Double.self, forKey: .width)
      let height = try values.decode(Double.self, forKey: .height)
      commands = [
        .move(x, y), .line(x + width, y), .line(x + width, y + height), .line(x, y + height),
        .close,
      ]
    case "path":
      var list = try values.nestedUnkeyedContainer(forKey: .commands)
      var parsed: [Command] = []
      while !list.isAtEnd {
        parsed.append(try Self.command(from: try list.nestedUnkeyedContainer()))
      }
      commands = parsed
    case let other:
      throw DecodingError.dataCorruptedError(
        forKey: .kind, in: values, debugDescription: "unknown shape kind \(other)")
    }
  }

  private static func command(from entry: UnkeyedDecodingContainer) throws -> Command {
    var entry = entry
    let letter = try entry.decode(String.self)
    var numbers: [Double] = []
    while !entry.isAtEnd { numbers.append(try entry.decode(Double.self)) }
    switch (letter, numbers.count) {
    case ("M", 2): return .move(numbers[0], numbers[1])
    case ("L", 2): return .line(numbers[0], numbers[1])
    case ("C", 6):
      return .curve(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
    case ("Z", 0): return .close
    default:
      throw DecodingError.dataCorruptedError(
        in: entry, debugDescription: "bad path command \(letter) with \(numbers.count) numbers")
    }
  }
}

/// A check box that the renderer marks by name.
public struct TemplateBox: Decodable, Sendable {
  /// `box.A`, `17.yes`, …
  public var name: String
  /// Left edge.
  public var x: Double
  /// Top edge.
  public var y: Double
  /// Width.
  public var width: Double
  /// Height.
  public var height: Double
}

/// A cell that receives one value.
public struct TemplateField: Decodable, Sendable {
  /// `name`, `ssn`, `total.h`, `1b.d`, `line.8`, …
  public var name: String
  /// Left edge.
  public var x: Double
  /// Top edge.
  public var y: Double
  /// Width.
  public var width: Double
  /// Height.
  public var height: Double
  /// `left`, `center` or `right`.
  public var align: String
  /// Preferred font size; text that does not fit is wrapped or made smaller.
  public var size: Double
}

/// Rows of cells repeated down the page at a fixed pitch.
public struct TemplateGrid: Decodable, Sendable {
  /// The prefix of the grid's cells.
  public var name: String
  /// How many rows the page holds.
  public var rows: Int
  /// Top edge of the first row.
  public var top: Double
  /// Distance from one row to the next.
  public var pitch: Double
  /// The cells of one row.
  public var columns: [TemplateGridColumn]
}

/// One cell of a grid row, placed relative to the row's top edge.
public struct TemplateGridColumn: Decodable, Sendable {
  /// The column letter or name.
  public var name: String
  /// Left edge.
  public var x: Double
  /// Offset of the cell's top below the row's top.
  public var y: Double
  /// Width.
  public var width: Double
  /// Height.
  public var height: Double
  /// `left`, `center` or `right`.
  public var align: String
  /// Preferred font size.
  public var size: Double
  /// `bottom` to keep a line on the baseline of the row's shorter cells; centred when absent.
  public var valign: String?
}
