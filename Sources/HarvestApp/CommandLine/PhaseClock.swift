import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// With `HARVEST_TIMING=1`, prints on standard error how long each phase of a run took: wall
/// time, processor time on every core (user and system), and the process's resident and
/// peak memory when the phase ended.
struct PhaseClock {
  private let enabled = ProcessInfo.processInfo.environment["HARVEST_TIMING"] == "1"
  private var last = DispatchTime.now().uptimeNanoseconds
  private var lastProcessor = PhaseClock.processorMicroseconds()

  /// Ends the phase called `name`.
  mutating func lap(_ name: String) {
    guard enabled else { return }
    let now = DispatchTime.now().uptimeNanoseconds
    let processor = PhaseClock.processorMicroseconds()
    let milliseconds = Int((Double(now - last) / 1e6).rounded())
    let processorMilliseconds = (processor - lastProcessor + 500) / 1000
    Log.write(
      "timing: \(name) \(milliseconds) ms (cpu \(processorMilliseconds) ms)"
        + PhaseClock.memory())
    last = now
    lastProcessor = processor
  }

  /// User and system time of every thread so far.
  private static func processorMicroseconds() -> Int {
    var usage = rusage()
    guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
    func micro(_ time: timeval) -> Int { Int(time.tv_sec) * 1_000_000 + Int(time.tv_usec) }
    return micro(usage.ru_utime) + micro(usage.ru_stime)
  }

  /// `, rss N MB, peak N MB` from /proc/self/status, or nothing where it cannot be read.
  private static func memory() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return ""
    }
    func megabytes(_ key: String) -> String? {
      guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }),
        let kilobytes = line.split(separator: " ").dropFirst().first(where: { !$0.isEmpty })
          .flatMap({ Int($0) })
      else { return nil }
      return "\(kilobytes / 1024) MB"
    }
    guard let rss = megabytes("VmRSS:"), let peak = megabytes("VmHWM:") else { return "" }
    return ", rss \(rss), peak \(peak)"
  }
}
