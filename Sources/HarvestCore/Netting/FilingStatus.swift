/// The filing status on the return, which decides the loss limit and whose sales count.
public enum FilingStatus: String, Sendable, CaseIterable {
  case single
  case marriedFilingJointly = "mfj"
  case marriedFilingSeparately = "mfs"
  case headOfHousehold = "hoh"
  case qualifyingSurvivingSpouse = "qss"

  /// The most net capital loss deductible against other income in a year (IRC 1211(b)).
  public var capitalLossLimit: Money {
    self == .marriedFilingSeparately ? Money(dollars: 1_500) : Money(dollars: 3_000)
  }

  /// Whether the spouse's sales are reported on this return.
  public var reportsSpouseSales: Bool { self == .marriedFilingJointly }

  /// Whether a spouse can exist at all for this status.
  public var allowsSpouseAccounts: Bool {
    self == .marriedFilingJointly || self == .marriedFilingSeparately || self == .headOfHousehold
  }
}
