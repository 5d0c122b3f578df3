/// The machine-readable summary of a year's capital losses, `carryover.json`, which next
/// year's `--prior` reads.
///
/// Amounts are JSON strings holding a plain signed decimal (`"-3000.00"`) so that no reader
/// ever passes them through a binary floating-point number. The record has no timestamp:
/// the same return gives the same bytes.
public struct CarryoverRecord: Codable, Sendable, Equatable {
  /// The value of the `record` key, which marks the file as Harvest's.
  public static let recordName = "harvest-carryover"
  /// The layout version this code writes and reads.
  public static let currentVersion = 1
  /// The file's name in a report folder.
  public static let fileName = "carryover.json"

  /// The tax year of the return the figures come from.
  public var taxYear: Int
  /// That return's filing status.
  public var filingStatus: FilingStatus
  /// Short-term loss carried to the next year (worksheet line 8), a positive magnitude.
  public var shortTermCarryover: Money
  /// Long-term loss carried to the next year (worksheet line 13), a positive magnitude.
  public var longTermCarryover: Money
  /// Schedule D line 7.
  public var scheduleDLine7: Money
  /// Schedule D line 15.
  public var scheduleDLine15: Money
  /// Schedule D line 16.
  public var scheduleDLine16: Money
  /// Schedule D line 21 (zero or negative).
  public var scheduleDLine21: Money
  /// Form 1040 line 15 as given with `--taxable-income`, nil when it was not given.
  public var taxableIncome: Money?
  /// True when the carryover was worked without taxable income, taking the whole line 21
  /// deduction as used.
  public var taxableIncomeAssumed: Bool

  /// Creates a record from its fields.
  public init(
    taxYear: Int, filingStatus: FilingStatus, shortTermCarryover: Money,
    longTermCarryover: Money, scheduleDLine7: Money, scheduleDLine15: Money,
    scheduleDLine16: Money, scheduleDLine21: Money, taxableIncome: Money?,
    taxableIncomeAssumed: Bool
  ) {
    self.taxYear = taxYear
    self.filingStatus = filingStatus
    self.shortTermCarryover = shortTermCarryover
    self.longTermCarryover = longTermCarryover
    self.scheduleDLine7 = scheduleDLine7
    self.scheduleDLine15 = scheduleDLine15
    self.scheduleDLine16 = scheduleDLine16
    self.scheduleDLine21 = scheduleDLine21
    self.taxableIncome = taxableIncome
    self.taxableIncomeAssumed = taxableIncomeAssumed
  }

  /// The record of a computed year.
  ///
  /// - Parameters:
  ///   - taxYear: the report year.
  ///   - scheduleD: the year's Schedule D.
  ///   - worksheet: the carryover worksheet worked from it.
  ///   - taxableIncome: the taxable income the worksheet used, nil when none was given.
  public init(
    taxYear: Int, scheduleD: ScheduleD, worksheet: CapitalLossCarryoverWorksheet,
    taxableIncome: Money?
  ) {
    self.init(
      taxYear: taxYear, filingStatus: scheduleD.filingStatus,
      shortTermCarryover: worksheet.shortTermCarryover,
      longTermCarryover: worksheet.longTermCarryover,
      scheduleDLine7: scheduleD.amount("7") ?? .zero,
      scheduleDLine15: scheduleD.amount("15") ?? .zero,
      scheduleDLine16: scheduleD.amount("16") ?? .zero,
      scheduleDLine21: scheduleD.amount("21") ?? .zero,
      taxableIncome: taxableIncome, taxableIncomeAssumed: worksheet.taxableIncomeAssumed)
  }

  /// Checks that this record may supply the carryovers of `reportYear`.
  ///
  /// - Parameters:
  ///   - reportYear: the year being reported.
  ///   - file: the record's path, for the message.
  /// - Throws: `InputError` when the record is not from the year before.
  public func checkPrecedes(reportYear: Int, file: String) throws(InputError) {
    guard taxYear == reportYear - 1 else {
      throw InputError(
        file: file, line: nil, column: CodingKeys.taxYear.rawValue, found: String(taxYear),
        expected: "\(reportYear - 1): a carryover into \(reportYear) comes from the "
          + "\(reportYear - 1) return; give that year's report folder with --prior, or the "
          + "amounts with --short-carryover and --long-carryover")
    }
  }

  /// Cautions about using this record on a return with `filingStatus`, worded for the user.
  public func warnings(forFilingStatus filingStatus: FilingStatus) -> [String] {
    let hasCarryover = shortTermCarryover > .zero || longTermCarryover > .zero
    guard hasCarryover, filingStatus != self.filingStatus else { return [] }
    if self.filingStatus == .marriedFilingJointly {
      return [
        "the \(taxYear) carryover comes from a joint return; on a separate return only "
          + "the loss of the spouse who incurred it carries over (Pub. 550); Harvest used the "
          + "whole amount, so split it with --short-carryover and --long-carryover if needed"
      ]
    }
    if filingStatus == .marriedFilingJointly {
      return [
        "the \(taxYear) carryover comes from a \(self.filingStatus.rawValue) return; on a "
          + "joint return both spouses' carryovers are combined (Pub. 550); Harvest used only "
          + "this one, so give the total with --short-carryover and --long-carryover if needed"
      ]
    }
    return []
  }

  enum CodingKeys: String, CodingKey {
    case record
    case version
    case taxYear = "tax_year"
    case filingStatus = "filing_status"
    case shortTermCarryover = "short_term_carryover_to_next_year"
    case longTermCarryover = "long_term_carryover_to_next_year"
    case scheduleDLine7 = "schedule_d_line_7"
    case scheduleDLine15 = "schedule_d_line_15"
    case scheduleDLine16 = "schedule_d_line_16"
    case scheduleDLine21 = "schedule_d_line_21"
    case taxableIncome = "taxable_income"
    case taxableIncomeAssumed = "taxable_income_assumed"
  }

  /// Writes every key, `taxable_income` as null when absent.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(CarryoverRecord.recordName, forKey: .record)
    try container.encode(CarryoverRecord.currentVersion, forKey: .version)
    try container.encode(taxYear, forKey: .taxYear)
    try container.encode(filingStatus.rawValue, forKey: .filingStatus)
    try container.encode(shortTermCarryover.description, forKey: .shortTermCarryover)
    try container.encode(longTermCarryover.description, forKey: .longTermCarryover)
    try container.encode(scheduleDLine7.description, forKey: .scheduleDLine7)
    try container.encode(scheduleDLine15.description, forKey: .scheduleDLine15)
    try container.encode(scheduleDLine16.description, forKey: .scheduleDLine16)
    try container.encode(scheduleDLine21.description, forKey: .scheduleDLine21)
    if let taxableIncome {
      try container.encode(taxableIncome.description, forKey: .taxableIncome)
    } else {
      try container.encodeNil(forKey: .taxableIncome)
    }
    try container.encode(taxableIncomeAssumed, forKey: .taxableIncomeAssumed)
  }

  /// Reads a record, refusing another file's JSON, a newer layout, an unknown filing status,
  /// an amount that is not a plain decimal, or a carryover below zero.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let record = try container.decode(String.self, forKey: .record)
    guard record == CarryoverRecord.recordName else {
      throw DecodingError.dataCorruptedError(
        forKey: .record, in: container, debugDescription: CarryoverRecord.recordName)
    }
    let version = try container.decode(Int.self, forKey: .version)
    guard version == CarryoverRecord.currentVersion else {
      throw DecodingError.dataCorruptedError(
        forKey: .version, in: container,
        debugDescription: "version \(CarryoverRecord.currentVersion) (written by this Harvest)")
    }
    taxYear = try container.decode(Int.self, forKey: .taxYear)
    let status = try container.decode(String.self, forKey: .filingStatus)
    guard let filingStatus = FilingStatus(rawValue: status) else {
      throw DecodingError.dataCorruptedError(
        forKey: .filingStatus, in: container, debugDescription: "single, mfj, mfs, hoh or qss")
    }
    self.filingStatus = filingStatus

    func money(_ key: CodingKeys, carryover: Bool = false) throws -> Money {
      let text = try container.decode(String.self, forKey: key)
      guard case .success(let amount) = AmountText.money(text),
        !(carryover && amount.isNegative)
      else {
        throw DecodingError.dataCorruptedError(
          forKey: key, in: container,
          debugDescription: carryover
            ? "an amount of zero or more as a string, such as \"1234.56\""
            : "an amount as a string, such as \"-1234.56\"")
      }
      return amount
    }
    shortTermCarryover = try money(.shortTermCarryover, carryover: true)
    longTermCarryover = try money(.longTermCarryover, carryover: true)
    scheduleDLine7 = try money(.scheduleDLine7)
    scheduleDLine15 = try money(.scheduleDLine15)
    scheduleDLine16 = try money(.scheduleDLine16)
    scheduleDLine21 = try money(.scheduleDLine21)
    taxableIncome =
      try container.decodeNil(forKey: .taxableIncome)
      ? nil : try money(.taxableIncome)
    taxableIncomeAssumed = try container.decode(Bool.self, forKey: .taxableIncomeAssumed)
  }
}
