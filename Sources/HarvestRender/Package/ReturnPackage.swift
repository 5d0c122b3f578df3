import HarvestCore

/// Everything in a taxpayer's capital-gains package for one year: the forms to file, the
/// statements attached to them, and the records to keep.
public struct ReturnPackage: Sendable {
  /// The tax year; picks the form templates.
  public var taxYear: Int
  /// Name(s) shown on the return.
  public var name: String
  /// SSN or TIN as printed on the forms and statements.
  public var ssn: String
  /// The identifier printed on the cover sheet (for example the masked SSN).
  public var coverID: String
  /// Every Form 8949 transaction, in cents.
  public var rows: [Form8949Row]
  /// Whether the forms print whole dollars.
  public var wholeDollars: Bool
  /// The Exception 2 summary and statement, when the return uses it.
  public var exception2: Exception2Statement?
  /// The explanation of basis for rows whose column (e) is not the actual cost.
  public var basis: BasisStatement
  /// Schedule D.
  public var scheduleD: ScheduleD
  /// The Capital Loss Carryover Worksheet.
  public var worksheet: CapitalLossCarryoverWorksheet
  /// The wash-sale pairings of the year.
  public var washSales: [WashSaleRow]
  /// Losses still deferred in replacement shares at year end.
  public var deferredLosses: [DeferredLossRow]

  /// Creates a package.
  ///
  /// - Parameters:
  ///   - useException2: list one summary row per broker per box on Form 8949 and every
  ///     transaction on an attached statement.
  ///   - accounts: the accounts file, which names each account's broker.
  public init(
    taxYear: Int, name: String, ssn: String, coverID: String, rows: [Form8949Row],
    wholeDollars: Bool, useException2: Bool, accounts: [String: Account],
    scheduleD: ScheduleD, worksheet: CapitalLossCarryoverWorksheet,
    washSales: [WashSaleRow], deferredLosses: [DeferredLossRow]
  ) {
    self.taxYear = taxYear
    self.name = name
    self.ssn = ssn
    self.coverID = coverID
    self.rows = rows
    self.wholeDollars = wholeDollars
    let printed = wholeDollars ? WholeDollarRounding.round(rows) : rows
    self.exception2 =
      useException2
      ? Exception2Statement(rows: printed, accounts: accounts) : nil
    self.basis = BasisStatement(rows: rows, washSales: washSales)
    self.scheduleD = scheduleD
    self.worksheet = worksheet
    self.washSales = washSales
    self.deferredLosses = deferredLosses
  }

  /// An amount as printed in this package: whole dollars when the return uses them.
  func money(_ amount: Money) -> String {
    wholeDollars
      ? amount.roundedToDollars.formatted(wholeDollars: true) : amount.formatted()
  }

  /// The Form 8949 document of every transaction.
  var form8949Document: Form8949Document {
    Form8949Document(
      taxYear: taxYear, name: name, ssn: ssn, rows: rows, wholeDollars: wholeDollars)
  }
}
