/// The options given on a command line, checked against what the command accepts.
///
/// Every option takes its value from the next argument (or after `=`), so negative amounts
/// such as `--taxable-income -1000` read naturally.
public struct ParsedOptions: Sendable {
  private var values: [String: String] = [:]
  private var flags: Set<String> = []

  /// Whether `--help` or `-h` was given.
  public private(set) var wantsHelp = false

  /// Parses `arguments` (without the program and command names).
  ///
  /// - Throws: `UsageError` for an unknown option, a missing value, a repeated option or a
  ///   stray argument.
  public init(_ arguments: [String], accepting specs: [OptionSpec]) throws(UsageError) {
    var byName: [String: OptionSpec] = [:]
    for spec in specs { byName[spec.name] = spec }
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if argument == "--help" || argument == "-h" {
        wantsHelp = true
        continue
      }
      guard argument.hasPrefix("--"), argument.count > 2 else {
        throw UsageError("unexpected argument '\(argument)'; options start with --")
      }
      var name = String(argument.dropFirst(2))
      var inlineValue: String?
      if let equals = name.firstIndex(of: "=") {
        inlineValue = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      guard let spec = byName[name] else {
        let known = specs.map { "--" + $0.name }.sorted().joined(separator: ", ")
        throw UsageError("unknown option --\(name); expected one of \(known)")
      }
      if values[name] != nil || flags.contains(name) {
        throw UsageError("--\(name) is given twice; give it once")
      }
      guard let valueName = spec.valueName else {
        if inlineValue != nil { throw UsageError("--\(name) takes no value") }
        flags.insert(name)
        continue
      }
      if let inlineValue {
        values[name] = inlineValue
        continue
      }
      guard index < arguments.count, !ParsedOptions.looksLikeOption(arguments[index]) else {
        throw UsageError("--\(name) needs a value: --\(name) \(valueName)")
      }
      values[name] = arguments[index]
      index += 1
    }
  }

  private static func looksLikeOption(_ text: String) -> Bool {
    guard text.hasPrefix("--"), let third = text.dropFirst(2).first else { return false }
    return third.isLetter
  }

  /// The value of `--name`, or nil when not given.
  public func value(_ name: String) -> String? { values[name] }

  /// Whether the flag `--name` was given.
  public func flag(_ name: String) -> Bool { flags.contains(name) }

  /// The value of `--name`, or a usage error saying it is required.
  public func required(_ name: String, _ valueName: String) throws(UsageError) -> String {
    guard let value = values[name] else {
      throw UsageError("--\(name) is required: --\(name) \(valueName)")
    }
    return value
  }

  /// Help text listing `specs` under a usage line.
  public static func help(usage: String, summary: String, specs: [OptionSpec]) -> String {
    var text = "Usage: \(usage)\n\n\(summary)\n\nOptions:\n"
    let labels = specs.map { spec in
      "  --" + spec.name + (spec.valueName.map { " " + $0 } ?? "")
    }
    let width = min(34, (labels.map(\.count).max() ?? 0) + 2)
    for (label, spec) in zip(labels, specs) {
      let padding =
        label.count < width
        ? String(repeating: " ", count: width - label.count)
        : "\n"
          + String(repeating: " ", count: width)
      text += label + padding + spec.help + "\n"
    }
    text += "  --help" + String(repeating: " ", count: max(2, width - 8)) + "Show this help.\n"
    return text
  }
}
