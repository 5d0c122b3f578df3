/// A CSV file made of a header and rows that can be written independently of each other, so
/// that a large file can be made in pieces on several cores and written to disk in order.
///
/// Every way of making the file gives the same bytes: whole with `bytes`, or piece by piece
/// with `piece(_:into:)` for each piece in turn.
public struct CSVTable: Sendable {
  /// Rows per piece: about a third of a megabyte of text for the widest files, small
  /// enough to stay in the processor's cache until it is copied into the file.
  public static let defaultRowsPerPiece = 2_048

  /// The header row.
  public let header: [String]
  /// How many rows follow the header.
  public let rowCount: Int
  /// How many rows one piece holds (the last may hold fewer).
  public let rowsPerPiece: Int
  private let writeRows: @Sendable (Range<Int>, inout CSVWriter) -> Void

  /// Creates a table whose rows `writeRows` appends, a range of them at a time, each ended
  /// with `endRow()`.
  public init(
    header: [String], rowCount: Int, rowsPerPiece: Int = CSVTable.defaultRowsPerPiece,
    writeRows: @escaping @Sendable (Range<Int>, inout CSVWriter) -> Void
  ) {
    precondition(rowsPerPiece > 0, "a piece holds at least one row")
    self.header = header
    self.rowCount = rowCount
    self.rowsPerPiece = rowsPerPiece
    self.writeRows = writeRows
  }

  /// How many pieces the file is made of; the first holds the header, and at least one
  /// piece exists even with no rows.
  public var pieceCount: Int { max(1, (rowCount + rowsPerPiece - 1) / rowsPerPiece) }

  /// Appends piece `index` (the header too, for piece 0) to `writer`.
  public func piece(_ index: Int, into writer: inout CSVWriter) {
    precondition(index >= 0 && index < pieceCount, "piece \(index) of \(pieceCount)")
    if index == 0 { writer.row(header) }
    let start = index * rowsPerPiece
    writeRows(start..<min(rowCount, start + rowsPerPiece), &writer)
  }

  /// The whole file.
  public var bytes: [UInt8] {
    var writer = CSVWriter(header: header, expectedRows: rowCount)
    writeRows(0..<rowCount, &writer)
    return writer.bytes
  }
}
