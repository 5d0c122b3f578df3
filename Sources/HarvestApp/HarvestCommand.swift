import Foundation
import HarvestCore

/// The `harvest` command line: parses the command and its options, runs it, and turns every
/// error into lines on standard error and a non-zero exit status.
public enum HarvestCommand {
  static let usage = """
    Usage: harvest <command> [options]

    Commands:
      report   Write one tax year's Form 8949, Schedule D, wash-sale detail and carryover.
      plan     Suggest tax-loss harvesting sales that trip no wash sale.

    Run 'harvest <command> --help' for the options of a command.
    """

  /// Runs with the process arguments and exits.
  public static func main() {
    exit(run(Array(CommandLine.arguments.dropFirst())))
  }

  /// Runs a command line (without the program name) and returns the exit status:
  /// 0 on success (warnings included), 1 for bad input, 2 for a bad command line.
  public static func run(_ arguments: [String]) -> Int32 {
    let log = Log()
    guard let command = arguments.first, command != "--help", command != "-h",
      command != "help"
    else {
      print(usage)
      return arguments.isEmpty ? 2 : 0
    }
    let rest = Array(arguments.dropFirst())
    do {
      switch command {
      case "report":
        let parsed = try parse(
          rest, ReportOptions.specs, usage: ReportCommand.usage, summary: ReportCommand.summary)
        guard let parsed else { return 0 }
        return try ReportCommand(options: ReportOptions(parsed), log: log).run()
      case "plan":
        let parsed = try parse(
          rest, PlanOptions.specs, usage: PlanCommand.usage, summary: PlanCommand.summary)
        guard let parsed else { return 0 }
        return try PlanCommand(options: PlanOptions(parsed), log: log).run()
      default:
        throw UsageError("unknown command '\(command)'; expected report or plan")
      }
    } catch let error as UsageError {
      log.error(error.message)
      return 2
    } catch let error as InputErrors {
      let ordered = error.errors.enumerated().sorted { a, b in
        (a.element.file, a.element.line ?? 0, a.offset) < (
          b.element.file, b.element.line ?? 0, b.offset
        )
      }
      for (_, item) in ordered { log.error(item.message) }
      if error.truncated { log.error("more errors were found; fix these and run again") }
      return 1
    } catch let error as InputError {
      log.error(error.message)
      return 1
    } catch {
      log.error("\(error)")
      return 1
    }
  }

  /// A command's options, or nil after printing its help when `--help` was asked for.
  private static func parse(
    _ arguments: [String], _ specs: [OptionSpec], usage: String, summary: String
  ) throws(UsageError) -> ParsedOptions? {
    let parsed = try ParsedOptions(arguments, accepting: specs)
    guard parsed.wantsHelp else { return parsed }
    print(ParsedOptions.help(usage: usage, summary: summary, specs: specs))
    return nil
  }
}
