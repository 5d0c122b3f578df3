/// One Form 8949 row standing for every sale one broker reported in one box, under
/// Exception 2: column (a) names the broker and the attached statement, (b) and (c) are
/// blank, (f) is M plus the rows' own codes, and (d), (e), (g) and (h) are the totals of the
/// statement section it summarizes.
public struct Form8949SummaryRow: Sendable, Equatable {
  /// The box the summarized rows belong to.
  public var box: Form8949Box
  /// The broker that reported them.
  public var broker: String
  /// Column (f).
  public var code: String
  /// Columns (d), (e), (g) and (h).
  public var totals: Form8949Totals
  /// How many transactions the row stands for.
  public var transactionCount: Int

  /// Creates a summary row.
  public init(
    box: Form8949Box, broker: String, code: String, totals: Form8949Totals,
    transactionCount: Int
  ) {
    self.box = box
    self.broker = broker
    self.code = code
    self.totals = totals
    self.transactionCount = transactionCount
  }

  /// Column (a): `<broker> see attached statement`.
  public var description: String { broker + " see attached statement" }

  /// Whether column (g) carries an amount: when any summarized row has an adjustment or a
  /// code other than M.
  public var showsAdjustment: Bool { totals.adjustment != .zero || code != "M" }
}
