import HarvestCore

/// The options `harvest report` and `harvest plan` share, read the same way by both.
extension ParsedOptions {
  /// `--filing-status`, `single` when absent.
  func filingStatus() throws(UsageError) -> FilingStatus {
    let text = value("filing-status") ?? "single"
    guard let status = FilingStatus(rawValue: text.lowercased()) else {
      throw UsageError("--filing-status: found '\(text)'; expected single, mfj, mfs, hoh or qss")
    }
    return status
  }

  /// `--holding-period`, `tacked` when absent.
  func holdingPeriod() throws(UsageError) -> HoldingPeriodConvention {
    let text = value("holding-period") ?? "tacked"
    guard let rule = HoldingPeriodConvention(rawValue: text.lowercased()) else {
      throw UsageError("--holding-period: found '\(text)'; expected tacked or original")
    }
    return rule
  }

  /// An amount in dollars such as `1234.56`, `$1,234.56` or, where allowed, `-1000`.
  func amount(_ name: String, allowsNegative: Bool) throws(UsageError) -> Money? {
    guard let text = value(name) else { return nil }
    let rules = DecimalText.Rules(decimals: 2, allowsDollarSign: true, limit: 100_000_000_000_000)
    guard let cents = try? DecimalText.parse(text, rules) else {
      throw UsageError("--\(name): found '\(text)'; expected an amount in dollars such as 1234.56")
    }
    if cents < 0 && !allowsNegative {
      throw UsageError(
        "--\(name): found '\(text)'; expected the size of the loss carried in as a positive "
          + "amount (5000 puts -5000.00 on the line)")
    }
    return Money(cents: cents)
  }

  /// `--short-carryover` and `--long-carryover`, refused together with `--prior`.
  func carryovers() throws(UsageError) -> (short: Money?, long: Money?) {
    let short = try amount("short-carryover", allowsNegative: false)
    let long = try amount("long-carryover", allowsNegative: false)
    if value("prior") != nil && (short != nil || long != nil) {
      throw UsageError(
        "--prior supplies the carryovers; give either --prior or "
          + "--short-carryover/--long-carryover, not both")
    }
    return (short, long)
  }
}
