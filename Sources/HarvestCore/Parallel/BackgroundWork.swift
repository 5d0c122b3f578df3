import Dispatch

/// Work started on another core at once, whose result the caller collects when it needs it,
/// so that independent steps of a run overlap.
public final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
  private let group = DispatchGroup()
  // Written once by the work before the group is left, read only after waiting on it.
  private var value: Value?

  /// Starts `work`.
  public init(_ work: @escaping @Sendable () -> Value) {
    DispatchQueue.global().async(group: group) { self.value = work() }
  }

  /// The work's result, waiting for it if it is still running; ask as often as needed.
  public var result: Value {
    group.wait()
    return value!
  }
}
