/// One `--option` a command accepts.
public struct OptionSpec: Sendable {
  /// The name without dashes: `year` for `--year`.
  public var name: String
  /// The placeholder shown in help for the value, or nil for a flag that takes none.
  public var valueName: String?
  /// One line of help.
  public var help: String

  /// An option that takes a value.
  public static func value(_ name: String, _ valueName: String, _ help: String) -> OptionSpec {
    OptionSpec(name: name, valueName: valueName, help: help)
  }

  /// A flag that takes no value.
  public static func flag(_ name: String, _ help: String) -> OptionSpec {
    OptionSpec(name: name, valueName: nil, help: help)
  }
}
