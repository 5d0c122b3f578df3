/// Reads the money amounts that Harvest's own side files hold (`--other` and
/// `carryover.json`): up to two decimals, an optional `$`, thousands groups, and negatives
/// written `-45.00` or `(45.00)`.
enum AmountText {
  /// The largest magnitude accepted: ten billion dollars, in cents.
  static let rules = DecimalText.Rules(
    decimals: 2, allowsDollarSign: true, limit: 1_000_000_000_000)

  /// The amount, or the reason the text is not one.
  static func money(_ text: String) -> Result<Money, DecimalText.Failure> {
    do {
      return .success(Money(cents: try DecimalText.parse(text, rules)))
    } catch {
      return .failure(error)
    }
  }

  /// What a field should have held, worded for an error message.
  static func expectation(_ failure: DecimalText.Failure, what: String) -> String {
    switch failure {
    case .empty, .notANumber: return what
    case .tooManyDecimals: return "\(what), with at most 2 decimals"
    case .tooLarge: return "\(what) of a realistic size"
    case .badThousandsSeparator: return "\(what); commas must separate groups of 3 digits"
    }
  }
}
