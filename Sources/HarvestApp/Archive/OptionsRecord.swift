import Foundation

/// `options.json`: the options a report was made with, so a later reader knows how it was
/// produced. Keys are the option names without dashes; every value is a string; the SSN
/// appears only masked.
public struct OptionsRecord: Sendable, Equatable {
  /// The file's name in a report folder.
  public static let fileName = "options.json"

  /// The options by name (`year`, `trades`, `filing-status`, …), values as given.
  public var options: [String: String]

  /// Creates a record; a value under `ssn` is masked.
  public init(_ options: [String: String]) {
    var masked = options
    if let ssn = masked["ssn"] { masked["ssn"] = OptionsRecord.maskSSN(ssn) }
    self.options = masked
  }

  /// `***-**-1234` from the last four digits of an SSN or ITIN, `***-**-****` when it has
  /// fewer than four digits.
  public static func maskSSN(_ ssn: String) -> String {
    let digits = ssn.unicodeScalars.filter { $0.properties.numericType == .decimal }
      .map(Character.init)
    guard digits.count >= 4 else { return "***-**-****" }
    return "***-**-" + String(digits.suffix(4))
  }

  /// The JSON text: keys sorted, two-space indented, one trailing line break.
  public var jsonBytes: [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    // A dictionary of strings always encodes.
    var data = (try? encoder.encode(options)) ?? Data("{}".utf8)
    data.append(10)
    return [UInt8](data)
  }
}
