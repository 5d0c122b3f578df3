/// The tax treatment of an account.
public enum AccountKind: String, Sendable, Equatable {
  /// An ordinary brokerage account; its sales are reported.
  case taxable
  /// A traditional IRA; its sales are never reported, its purchases still wash losses.
  case ira
  /// A Roth IRA; treated like a traditional IRA here.
  case roth

  /// Whether gains and losses in the account are reported on the return.
  public var isTaxable: Bool { self == .taxable }
}

/// Whose account it is.
public enum AccountOwner: String, Sendable, Equatable {
  /// The filer.
  case `self`
  /// The filer's spouse.
  case spouse
}

/// One account, from `accounts.csv` or, when not listed there, a taxable account of the filer.
public struct Account: Sendable, Equatable {
  /// The account name used in the trades file.
  public var name: String
  /// Taxable, IRA or Roth.
  public var kind: AccountKind
  /// The filer or the spouse.
  public var owner: AccountOwner
  /// The broker that issues its forms, for statement summaries; the account name by default.
  public var broker: String

  /// Creates an account.
  public init(
    name: String, kind: AccountKind = .taxable, owner: AccountOwner = .self,
    broker: String? = nil
  ) {
    self.name = name
    self.kind = kind
    self.owner = owner
    self.broker = broker ?? name
  }
}
