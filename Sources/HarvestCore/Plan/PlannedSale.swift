/// One recommended sale, as a row of the trades file.
public struct PlannedSale: Sendable, Equatable {
  /// The sale date: the plan date.
  public var date: CivilDate
  /// The account to sell in.
  public var account: String
  /// The symbol to sell.
  public var symbol: String
  /// Shares to sell.
  public var shares: Shares
  /// The price per share assumed.
  public var price: Price
  /// The purchase date of the shares sold (the trades file's `lot`), or nil when the sale
  /// takes every share held in the account, first in, first out.
  public var lotDate: CivilDate?
  /// The kind of property, written as the trades file's `asset` when it is not a security,
  /// so that the row reads back as the same asset as the purchases it sells.
  public var asset: AssetKind

  /// Creates a sale.
  public init(
    date: CivilDate, account: String, symbol: String, shares: Shares, price: Price,
    lotDate: CivilDate?, asset: AssetKind = .security
  ) {
    self.date = date
    self.account = account
    self.symbol = symbol
    self.shares = shares
    self.price = price
    self.lotDate = lotDate
    self.asset = asset
  }

  /// Net proceeds with no fees: shares × price, rounded once.
  public var proceeds: Money { price.extended(shares, plus: .zero) }
}
