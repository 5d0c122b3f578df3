import Foundation

/// Finds the folder of form templates: `--templates`, then `HARVEST_TEMPLATES`, then a
/// `Templates` folder beside or above the executable (as in a source checkout), then
/// `./Templates`.
enum TemplateLocator {
  static func directory(_ option: String?) throws(UsageError) -> String {
    if let option { return option }
    if let variable = ProcessInfo.processInfo.environment["HARVEST_TEMPLATES"], !variable.isEmpty {
      return variable
    }
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for _ in 0..<6 {
      let candidate = folder.appendingPathComponent("Templates")
      if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("README.md").path)
      {
        return candidate.path
      }
      folder.deleteLastPathComponent()
    }
    if FileManager.default.fileExists(atPath: "Templates") { return "Templates" }
    throw UsageError(
      "cannot find the form templates; give --templates DIR or set "
        + "HARVEST_TEMPLATES, or use --no-pdf")
  }
}
