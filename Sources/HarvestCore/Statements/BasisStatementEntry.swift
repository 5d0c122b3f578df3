/// One sale on the basis statement: a Form 8949 row whose column (e) is not what the shares
/// actually cost, with what they did cost and why the basis differs.
public struct BasisStatementEntry: Sendable, Equatable {
  /// The Form 8949 row explained.
  public var row: Form8949Row
  /// The wash sales of the report year whose disallowed loss went into this row's basis;
  /// empty when the loss sale was in an earlier year or the basis differs for another reason.
  public var washSales: [WashSaleRow]

  /// Creates an entry.
  public init(row: Form8949Row, washSales: [WashSaleRow]) {
    self.row = row
    self.washSales = washSales
  }

  /// Why the basis is not the actual cost, for the statement: `wash sale`, `inherited`,
  /// `transferred in`, or a combination.
  public var reason: String { row.basisNote }

  /// Where the added loss came from, in words: the loss sales that were washed, or a
  /// pointer to an earlier year when none of this year's loss sales matches.
  public var washSource: String { BasisStatementEntry.washSource(of: row, sales: washSales) }

  /// The `washSource` text of an entry for `row` whose matching wash sales are `sales`.
  static func washSource<C: Collection<WashSaleRow>>(of row: Form8949Row, sales: C) -> String {
    guard row.washBasisAdded != .zero else { return "" }
    if sales.isEmpty, let source = row.washSource {
      return "\(source.symbol) sold \(source.saleDate.usFormat) in \(source.saleAccount)"
    }
    if sales.isEmpty { return "loss sale before \(row.dateSold.year)" }
    return sales.map { sale in
      "\(sale.symbol) sold \(sale.saleDate.usFormat) in \(sale.saleAccount), "
        + "\(sale.disallowed.formatted()) disallowed"
    }.joined(separator: "; ")
  }
}
