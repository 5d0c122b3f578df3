#if canImport(Glibc)
  import Glibc
#endif

/// Advice to the kernel about a large buffer about to be filled.
public enum LargeBuffer {
  /// The size of a huge page on Linux on x86-64 and most other 64-bit systems.
  public static let hugePageBytes = 2 << 20

  /// Asks for the whole 2 MB pages within `count` bytes at `start` to be backed by huge
  /// pages: a buffer of tens of megabytes then takes tens of page faults to fill instead of
  /// thousands, and the kernel's work per fault was a large part of reading a big file.
  /// Only advice: where the kernel does not take it nothing changes.
  public static func preferHugePages(_ start: UnsafeMutableRawPointer, count: Int) {
    #if os(Linux)
      guard let pages = wholeHugePages(from: UInt(bitPattern: start), count: count),
        let aligned = UnsafeMutableRawPointer(bitPattern: pages.lowerBound)
      else { return }
      _ = madvise(aligned, Int(pages.upperBound - pages.lowerBound), MADV_HUGEPAGE)
    #endif
  }

  /// The addresses of the whole huge pages within `count` bytes from `start`, or nil when
  /// they hold none.
  static func wholeHugePages(from start: UInt, count: Int) -> Range<UInt>? {
    let mask = UInt(hugePageBytes - 1)
    let (end, overflow) = start.addingReportingOverflow(UInt(max(count, 0)))
    guard !overflow, start <= UInt.max - mask else { return nil }
    let first = (start + mask) & ~mask
    let last = end & ~mask
    return last > first ? first..<last : nil
  }
}
