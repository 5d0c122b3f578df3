import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `harvest-bench`: generates trades files and times the release `harvest` binary on them,
/// as a user would run it. Prints a Markdown table for docs/benchmarks.md.
struct Measurement {
  var seconds: Double
  /// User and system time of all the run's threads.
  var processorSeconds: Double
  var peakMegabytes: Double
  var status: Int32
}

/// Runs a command and measures its wall time, processor time and peak resident memory (from
/// wait4).
func measure(_ arguments: [String]) -> Measurement {
  var pid: pid_t = 0
  let argv = arguments.map { strdup($0) } + [nil]
  defer { for pointer in argv { free(pointer) } }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  let start = DispatchTime.now()
  guard posix_spawn(&pid, arguments[0], &actions, nil, argv, environ) == 0 else {
    fatalError("cannot start \(arguments[0])")
  }
  var status: Int32 = 0
  var usage = rusage()
  wait4(pid, &status, 0, &usage)
  let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
  return Measurement(
    seconds: elapsed, processorSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
    peakMegabytes: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xff)
}

// `harvest-bench --write DIR` only writes the generated files, for profiling one run.
if CommandLine.arguments.count == 3 && CommandLine.arguments[1] == "--write" {
  let folder = CommandLine.arguments[2]
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  for count in [10_000, 100_000, 1_000_000] {
    let trades = TradeGenerator.mixed(
      count: count, symbols: 500, accounts: ["Brokerage", "Spouse", "IRA"], seed: 2025)
    try Data(trades).write(to: URL(fileURLWithPath: folder + "/mixed-\(count).csv"))
  }
  try Data(TradeGenerator.chain(count: 16_000)).write(
    to: URL(fileURLWithPath: folder + "/chain.csv"))
  try Data("account,kind,owner\nBrokerage,taxable,self\nSpouse,taxable,spouse\nIRA,ira,self\n".utf8)
    .write(to: URL(fileURLWithPath: folder + "/accounts.csv"))
  exit(0)
}

let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  .appendingPathComponent("harvest").path
let work = FileManager.default.temporaryDirectory
  .appendingPathComponent("harvest-bench-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }

let accountsPath = work.appendingPathComponent("accounts.csv").path
_ = FileManager.default.createFile(
  atPath: accountsPath,
  contents: Data(
    "account,kind,owner\nBrokerage,taxable,self\nSpouse,taxable,spouse\nIRA,ira,self\n".utf8))

func reportRun(_ name: String, _ trades: [UInt8], repeats: Int) -> Measurement {
  let path = work.appendingPathComponent("\(name).csv").path
  _ = FileManager.default.createFile(atPath: path, contents: Data(trades))
  var best: Measurement?
  for attempt in 0..<repeats {
    let out = work.appendingPathComponent("\(name)-out-\(attempt)").path
    let result = measure([
      executable, "report", "--year", "2025", "--trades", path,
      "--accounts", accountsPath, "--filing-status", "mfj",
      "--no-pdf", "--out", out,
    ])
    guard result.status == 0 else { fatalError("harvest failed on \(name): \(result.status)") }
    if best == nil || result.seconds < best!.seconds { best = result }
    try? FileManager.default.removeItem(atPath: out)
  }
  return best!
}

let cores = ProcessInfo.processInfo.activeProcessorCount
print("Benchmark: `make bench` (release build), \(cores) cores, best of 3 runs each.\n")
print("| trades file | trades | wall time | processor time | peak memory |")
print("|---|---:|---:|---:|---:|")
var sizes: [(Int, Measurement)] = []
for count in [10_000, 100_000, 1_000_000] {
  let trades = TradeGenerator.mixed(
    count: count, symbols: 500, accounts: ["Brokerage", "Spouse", "IRA"], seed: 2025)
  let result = reportRun("mixed-\(count)", trades, repeats: 3)
  sizes.append((count, result))
  print(
    String(
      format: "| 3 accounts, 500 symbols | %d | %.3f s | %.2f s | %.0f MB |", count,
      result.seconds, result.processorSeconds, result.peakMegabytes))
}
let chain = reportRun("chain", TradeGenerator.chain(count: 16_000), repeats: 5)
print(
  String(
    format: "| one-symbol wash-sale chain | 16000 | %.1f ms | %.0f ms | %.0f MB |",
    chain.seconds * 1000, chain.processorSeconds * 1000, chain.peakMegabytes))
print("")
for index in 1..<sizes.count {
  let (small, a) = sizes[index - 1], (large, b) = sizes[index]
  print(
    String(
      format: "Growth %d → %d trades (×%d): time ×%.1f", small, large, large / small,
      b.seconds / a.seconds))
}
