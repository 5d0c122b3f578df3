/// One line of Form 8949: the part of one sale that came from one lot.
public struct Form8949Row: Sendable, Equatable {
  // Half a million rows can be in memory at once, so the stored properties are ordered by
  // size (strings and 8-byte amounts, then the loss sale, then dates and small fields) to
  // waste no padding, and the code and the basis note, which take few values, are kept as
  // small numbers behind their text.
  /// Column (a): the description the user gave, or `100 sh XYZ` (`0.5 BTC` for a digital
  /// asset) made from the shares and symbol.
  public var description: String {
    get { customDescription ?? generatedDescription }
    set { customDescription = newValue }
  }
  /// The description the user gave, if any.
  public var customDescription: String?
  /// The symbol sold.
  public var symbol: String
  /// The account sold from.
  public var account: String
  /// Column (d): the net proceeds of these shares.
  public var proceeds: Money
  /// Column (e): basis including every wash-sale adjustment.
  public var costBasis: Money
  /// Column (g): the net adjustment; positive for a disallowed wash-sale loss.
  public var adjustment: Money
  /// Shares or units sold on this row.
  public var shares: Shares
  /// What the shares actually cost, before wash-sale basis adjustments.
  public var actualCost: Money
  /// Wash-sale losses from earlier sales that are part of `costBasis`.
  public var washBasisAdded: Money
  /// The earlier loss sale whose disallowed loss is part of `costBasis`, when there is one.
  public var washSource: WashSource?
  /// The line of the trades file that holds the sale.
  public var saleLine: Int
  /// Column (c).
  public var dateSold: CivilDate
  /// Column (f) as letters; `code` is its text.
  var codeLetters: AdjustmentCodes
  /// Column (b): the acquisition date after any wash-sale tacking, or INHERITED.
  public var dateAcquired: HoldingStart
  /// The date the shares were actually bought (before any tacking), nil when inherited.
  public var purchaseDate: CivilDate?
  /// The check box of the part the row belongs to.
  public var box: Form8949Box
  /// Whether the property is a digital asset (described in units rather than shares).
  public var isDigitalAsset: Bool
  /// The basis note as a number; `basisNote` is its text.
  var storedBasisNote: BasisNote

  /// Column (f): adjustment codes, capital letters in alphabetical order, or empty. Setting
  /// any other text is a programming error and stops the program.
  public var code: String {
    get { codeLetters.text }
    set { codeLetters = AdjustmentCodes(newValue) }
  }
  /// Why the basis is not the actual cost: `transferred in`, `inherited`, `wash sale`, one
  /// of the first two followed by `, wash sale`, or empty. Setting any other text is a
  /// programming error and stops the program.
  public var basisNote: String {
    get { storedBasisNote.text }
    set { storedBasisNote = BasisNote(newValue) }
  }
  /// True when column (f) is empty; quicker than asking for `code`.
  var hasNoCode: Bool { codeLetters.isEmpty }
  /// True when the basis note is empty; quicker than asking for `basisNote`.
  var hasNoBasisNote: Bool { storedBasisNote == .none }

  /// Creates a row; `code` and `basisNote` must be text their properties accept.
  public init(
    box: Form8949Box, description: String?, dateAcquired: HoldingStart, dateSold: CivilDate,
    proceeds: Money, costBasis: Money, code: String = "", adjustment: Money = .zero,
    symbol: String = "", account: String = "", shares: Shares = .zero,
    purchaseDate: CivilDate? = nil, actualCost: Money? = nil, washBasisAdded: Money = .zero,
    basisNote: String = "", saleLine: Int = 0, isDigitalAsset: Bool = false,
    washSource: WashSource? = nil
  ) {
    self.box = box
    self.customDescription = description
    self.isDigitalAsset = isDigitalAsset
    self.washSource = washSource
    self.dateAcquired = dateAcquired
    self.dateSold = dateSold
    self.proceeds = proceeds
    self.costBasis = costBasis
    self.codeLetters = AdjustmentCodes(code)
    self.adjustment = adjustment
    self.symbol = symbol
    self.account = account
    self.shares = shares
    self.purchaseDate = purchaseDate
    self.actualCost = actualCost ?? costBasis
    self.washBasisAdded = washBasisAdded
    self.storedBasisNote = BasisNote(basisNote)
    self.saleLine = saleLine
  }

  /// `100 sh XYZ`, or `0.5 BTC` for a digital asset.
  public var generatedDescription: String {
    isDigitalAsset ? "\(shares) \(symbol)" : "\(shares) sh \(symbol)"
  }

  /// Column (h): (d) − (e) + (g).
  public var gainLoss: Money { proceeds - costBasis + adjustment }
}

/// Column totals of a set of Form 8949 rows, as on line 2 of each part.
public struct Form8949Totals: Sendable, Equatable {
  /// Column (d).
  public var proceeds = Money.zero
  /// Column (e).
  public var costBasis = Money.zero
  /// Column (g).
  public var adjustment = Money.zero
  /// Column (h).
  public var gainLoss = Money.zero

  /// Zero totals.
  public init() {}

  /// The totals of `rows`.
  public init<S: Sequence>(_ rows: S) where S.Element == Form8949Row {
    for row in rows { add(row) }
  }

  /// Adds one row.
  public mutating func add(_ row: Form8949Row) {
    proceeds += row.proceeds
    costBasis += row.costBasis
    adjustment += row.adjustment
    gainLoss += row.gainLoss
  }

  /// Adds the totals of other rows.
  public mutating func add(_ other: Form8949Totals) {
    proceeds += other.proceeds
    costBasis += other.costBasis
    adjustment += other.adjustment
    gainLoss += other.gainLoss
  }
}

/// The loss sale whose disallowed loss was added to a replacement lot's basis.
///
/// A shared, immutable object: every row the same loss sale fed holds one reference rather
/// than its own copy, which keeps a year of half a million rows small.
public final class WashSource: Sendable, Equatable {
  /// The account the loss sale was in.
  public let saleAccount: String
  /// The symbol sold at a loss.
  public let symbol: String
  /// The line of the trades file holding the loss sale.
  public let saleLine: Int
  /// The loss sale's date.
  public let saleDate: CivilDate

  /// Creates a source.
  public init(saleDate: CivilDate, saleAccount: String, symbol: String, saleLine: Int) {
    self.saleDate = saleDate
    self.saleAccount = saleAccount
    self.symbol = symbol
    self.saleLine = saleLine
  }

  public static func == (lhs: WashSource, rhs: WashSource) -> Bool {
    lhs.saleLine == rhs.saleLine && lhs.saleDate == rhs.saleDate
      && lhs.saleAccount == rhs.saleAccount && lhs.symbol == rhs.symbol
  }
}
