/// A reason a form could not be drawn.
public enum RenderError: Error, Equatable, CustomStringConvertible {
  /// No template directory exists for the tax year.
  case noTemplate(year: Int, available: [Int])
  /// A template file is missing or is not valid template JSON.
  case badTemplate(path: String, reason: String)
  /// A font file could not be loaded.
  case fontUnavailable(path: String)
  /// Cairo reported an error.
  case cairo(String)
  /// The year's form has no check box for the box (boxes G–L before 2025).
  case boxNotOnForm(box: String, year: Int)

  /// A sentence for the user.
  public var description: String {
    switch self {
    case .noTemplate(let year, let available):
      let years = available.map(String.init).joined(separator: ", ")
      return "no form template for tax year \(year); templates exist for: "
        + (years.isEmpty ? "none" : years)
    case .badTemplate(let path, let reason):
      return "\(path): not a usable form template: \(reason)"
    case .fontUnavailable(let path):
      return "\(path): font could not be loaded (install fonts-liberation2)"
    case .cairo(let status):
      return "PDF drawing failed: \(status)"
    case .boxNotOnForm(let box, let year):
      return "the \(year) Form 8949 has no box \(box)"
    }
  }
}
