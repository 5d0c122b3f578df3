/// An item of the `--other FILE` table (`item,amount`): a Schedule D figure that does not
/// come from Form 8949, or an answer Schedule D asks for.
///
/// Amount items may appear on several rows and are added (one row per K-1 or per Form
/// 1099-DIV, say); yes/no items may appear once.
public enum OtherAmountItem: String, CaseIterable, Sendable {
  /// Line 4: short-term gain from Form 6252 and short-term gain or loss from Forms 4684,
  /// 6781 and 8824.
  case shortTermOtherForms = "short_term_other_forms"
  /// Line 5: net short-term gain or loss from Schedules K-1 (partnerships, S corporations,
  /// estates and trusts).
  case shortTermK1 = "short_term_k1"
  /// Line 11: gain from Form 4797 Part I, long-term gain from Forms 2439 and 6252, and
  /// long-term gain or loss from Forms 4684, 6781 and 8824.
  case longTermOtherForms = "long_term_other_forms"
  /// Line 12: net long-term gain or loss from Schedules K-1.
  case longTermK1 = "long_term_k1"
  /// Line 13: capital gain distributions, Form 1099-DIV box 2a.
  case capitalGainDistributions = "capital_gain_distributions"
  /// Line 18: line 7 of the 28% Rate Gain Worksheet.
  case rate28Gain = "rate_28_gain"
  /// Line 19: line 18 of the Unrecaptured Section 1250 Gain Worksheet.
  case unrecaptured1250Gain = "unrecaptured_1250_gain"
  /// Line 22: qualified dividends on Form 1040 line 3a, as `yes`, `no` or the amount.
  case qualifiedDividends = "qualified_dividends"
  /// Line 20: `yes` when Form 4952 (investment interest expense) is filed.
  case form4952 = "form_4952"
  /// The question at the top of Schedule D: `yes` when an investment in a qualified
  /// opportunity fund was disposed of during the year.
  case qofDisposed = "qof_disposed"

  /// How the item's `amount` cell is read.
  public enum Kind: Sendable {
    /// A gain (positive) or a loss (negative).
    case signedAmount
    /// An amount that cannot be below zero.
    case nonNegativeAmount
    /// `yes` or `no`.
    case yesNo
    /// `yes`, `no`, or an amount that cannot be below zero (more than zero means yes).
    case yesNoOrAmount
  }

  /// How the item's `amount` cell is read.
  public var kind: Kind {
    switch self {
    case .shortTermOtherForms, .shortTermK1, .longTermOtherForms, .longTermK1:
      return .signedAmount
    case .capitalGainDistributions, .rate28Gain, .unrecaptured1250Gain:
      return .nonNegativeAmount
    case .form4952, .qofDisposed:
      return .yesNo
    case .qualifiedDividends:
      return .yesNoOrAmount
    }
  }

  /// The Schedule D line the item feeds, or nil for the header question.
  public var scheduleDLine: String? {
    switch self {
    case .shortTermOtherForms: return "4"
    case .shortTermK1: return "5"
    case .longTermOtherForms: return "11"
    case .longTermK1: return "12"
    case .capitalGainDistributions: return "13"
    case .rate28Gain: return "18"
    case .unrecaptured1250Gain: return "19"
    case .form4952: return "20"
    case .qualifiedDividends: return "22"
    case .qofDisposed: return nil
    }
  }
}
