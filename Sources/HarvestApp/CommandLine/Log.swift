import Foundation

/// Messages for the user on standard error; data never goes here.
struct Log: Sendable {
  /// Whether informational lines are printed (warnings and errors always are).
  var verbose = true

  func info(_ message: String) {
    if verbose { Log.write(message) }
  }

  func warning(_ message: String) {
    Log.write("warning: " + message)
  }

  func error(_ message: String) {
    Log.write("error: " + message)
  }

  static func write(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
