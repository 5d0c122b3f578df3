/// Whether a trade row adds shares to an account or removes them.
public enum TradeAction: Sendable, Equatable {
  case buy
  case sell
}

/// What kind of property a symbol is, which decides its Form 8949 boxes and whether the
/// wash-sale rule reaches it.
public enum AssetKind: String, Sendable, Equatable {
  /// Stock, funds, bonds and other securities (boxes A–F; wash sales apply).
  case security
  /// A digital asset that is not a security (boxes G–L from 2025; no wash sales).
  case digital
  /// A digital asset that is a tokenized security (boxes G–L; wash sales apply).
  case tokenized

  /// Whether the wash-sale rule of section 1091 covers it.
  public var isWashSaleProperty: Bool { self != .digital }

  /// Whether it is reported as a digital asset on Form 8949.
  public var isDigitalAsset: Bool { self != .security }
}

/// The information return a broker issued for a sale.
public enum InformationReturn: String, Sendable, Equatable {
  /// Form 1099-B (or a substitute statement).
  case form1099B = "1099-B"
  /// Form 1099-DA, for digital assets from 2025.
  case form1099DA = "1099-DA"
  /// No information return.
  case none
}

/// Which of a purchase's shares a sale removes.
public enum LotSelector: Sendable, Equatable {
  /// First in, first out by purchase date.
  case firstInFirstOut
  /// The purchase given that lot name.
  case named(String)
  /// The purchases made on that day, in their booking order.
  case purchasedOn(CivilDate)
}

/// When a holding period began.
public enum HoldingStart: Sendable, Equatable, CustomStringConvertible {
  /// Held since this date (counting starts the day after).
  case date(CivilDate)
  /// Inherited property, long-term whatever the time held.
  case inherited

  /// `YYYY-MM-DD` or `INHERITED`.
  public var description: String {
    switch self {
    case .date(let date): return date.description
    case .inherited: return "INHERITED"
    }
  }

  /// Whether a disposal on `sold` is long-term: after the first anniversary, or inherited.
  public func isLongTerm(soldOn sold: CivilDate) -> Bool {
    switch self {
    case .date(let acquired): return sold > acquired.firstAnniversary
    case .inherited: return true
    }
  }
}

/// One row of the trades file: a purchase or a sale in one account.
///
/// A million of these can be in memory at once, so the columns most rows leave empty (lot
/// name or selector, original acquisition, description) live out of line in one shared
/// object that a plain row does not have, and the small fields sit together at the end.
public struct Trade: Sendable {
  /// The 1-based line of the file the row starts on.
  public var line: Int
  /// The trade date.
  public var date: CivilDate
  /// The account, as an index into the trade book's account names.
  public var account: Int32
  /// The symbol, as an index into the trade book's symbol names.
  public var symbol: Int32
  /// The row's place among the rows of the same day, account and symbol (the broker's
  /// execution order, which is the only file order Harvest relies on).
  public var dayOrdinal: Int32
  /// Shares bought or sold; always positive.
  public var quantity: Shares
  /// Price per share.
  public var price: Price
  /// Commissions and fees.
  public var fees: Money
  /// For a buy its cost (shares × price + fees, or the `basis` given); for a sale its net
  /// proceeds (shares × price − fees). Rounded once, to cents.
  public var amount: Money
  /// The rarely used columns; nil when all of them are empty.
  private var details: Details?
  /// Buy or sell.
  public var action: TradeAction
  /// The information return for a sale.
  public var form: InformationReturn
  /// Whether the broker reported basis to the IRS.
  public var basisReported: Bool
  /// The kind of property.
  public var asset: AssetKind

  /// The columns most rows leave empty. Immutable, so copies of a trade share it safely.
  private final class Details: Sendable {
    let lotName: String?
    let selector: LotSelector
    let acquired: HoldingStart?
    let description: String?

    init(
      lotName: String?, selector: LotSelector, acquired: HoldingStart?, description: String?
    ) {
      self.lotName = lotName
      self.selector = selector
      self.acquired = acquired
      self.description = description
    }

    /// The details, or nil when every column is empty.
    static func make(
      lotName: String?, selector: LotSelector, acquired: HoldingStart?, description: String?
    ) -> Details? {
      if lotName == nil && selector == .firstInFirstOut && acquired == nil
        && description == nil
      {
        return nil
      }
      return Details(
        lotName: lotName, selector: selector, acquired: acquired, description: description)
    }
  }

  /// A buy's lot name.
  public var lotName: String? {
    get { details?.lotName }
    set { setDetails(lotName: newValue) }
  }
  /// A sale's choice of shares.
  public var selector: LotSelector {
    get { details?.selector ?? .firstInFirstOut }
    set { setDetails(selector: newValue) }
  }
  /// A transferred, gifted or inherited buy's original holding start.
  public var acquired: HoldingStart? {
    get { details?.acquired }
    set { setDetails(acquired: .some(newValue)) }
  }
  /// Column (a) text given by the user.
  public var description: String? {
    get { details?.description }
    set { setDetails(description: .some(newValue)) }
  }

  private mutating func setDetails(
    lotName: String?? = nil, selector: LotSelector? = nil, acquired: HoldingStart?? = nil,
    description: String?? = nil
  ) {
    details = Details.make(
      lotName: lotName ?? self.lotName, selector: selector ?? self.selector,
      acquired: acquired ?? self.acquired, description: description ?? self.description)
  }

  /// Creates a trade.
  public init(
    line: Int, date: CivilDate, account: Int32, action: TradeAction, symbol: Int32,
    quantity: Shares, price: Price, fees: Money, amount: Money, lotName: String? = nil,
    selector: LotSelector = .firstInFirstOut, acquired: HoldingStart? = nil,
    description: String? = nil, form: InformationReturn = .form1099B,
    basisReported: Bool = true, asset: AssetKind = .security, dayOrdinal: Int32 = 0
  ) {
    self.line = line
    self.date = date
    self.account = account
    self.symbol = symbol
    self.dayOrdinal = dayOrdinal
    self.quantity = quantity
    self.price = price
    self.fees = fees
    self.amount = amount
    self.details = Details.make(
      lotName: lotName, selector: selector, acquired: acquired, description: description)
    self.action = action
    self.form = form
    self.basisReported = basisReported
    self.asset = asset
  }
}
