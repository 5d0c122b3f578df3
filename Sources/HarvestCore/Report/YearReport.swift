/// Everything computed for one tax year, before it is written out: the Form 8949 rows, the
/// wash-sale detail and the losses still deferred at year end.
public struct YearReport: Sendable {
  /// The tax year.
  public var taxYear: Int
  /// Form 8949 rows in form order: by box, then date sold, then the order sales were taken.
  public var rows: [Form8949Row]
  /// Wash-sale pairings of the year's reported loss sales.
  public var washSales: [WashSaleRow]
  /// Losses still deferred in replacement shares at the end of the year.
  public var deferredLosses: [DeferredLossRow]
  /// Messages for standard error: incomplete wash-sale windows, skipped footer lines.
  public var warnings: [String]
}
