/// A command line that cannot be understood: an unknown option, a missing value, a value of
/// the wrong form. Printed as one line on standard error, with exit status 2.
public struct UsageError: Error, Sendable, CustomStringConvertible {
  /// What is wrong and what was expected.
  public var message: String

  /// Creates an error.
  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
