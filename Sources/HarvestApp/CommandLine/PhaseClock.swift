import Dispatch
import Foundation

/// Prints how long each phase of a run took, on standard error, when `HARVEST_TIMING=1`;
/// the benchmark uses it to say where the time goes.
struct PhaseClock {
  private let enabled = ProcessInfo.processInfo.environment["HARVEST_TIMING"] == "1"
  private var last = DispatchTime.now().uptimeNanoseconds

  /// Ends the phase called `name`.
  mutating func lap(_ name: String) {
    guard enabled else { return }
    let now = DispatchTime.now().uptimeNanoseconds
    let milliseconds = Double(now - last) / 1e6
    Log.write("timing: \(name) \(Int(milliseconds.rounded())) ms")
    last = now
  }
}
