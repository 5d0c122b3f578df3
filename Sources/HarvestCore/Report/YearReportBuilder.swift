/// Turns the engine's view of the whole history into one year's report: which sales belong
/// on the return, in which box, with which codes.
public enum YearReportBuilder {
  /// What decides what goes on this year's return.
  public struct Options: Sendable {
    /// The tax year reported.
    public var taxYear: Int
    /// The filing status.
    public var filingStatus: FilingStatus
    /// Accounts by name; unlisted accounts are the filer's taxable accounts.
    public var accounts: [String: Account]
    /// Groups of substantially identical symbols.
    public var identicalGroups: [String: String]
    /// How replacement shares' holding periods are extended.
    public var convention: HoldingPeriodConvention

    /// Creates options.
    public init(
      taxYear: Int, filingStatus: FilingStatus = .single, accounts: [String: Account] = [:],
      identicalGroups: [String: String] = [:], convention: HoldingPeriodConvention = .tacked
    ) {
      self.taxYear = taxYear
      self.filingStatus = filingStatus
      self.accounts = accounts
      self.identicalGroups = identicalGroups
      self.convention = convention
    }
  }

  /// How many incomplete wash-sale windows are named one by one before the rest are counted.
  public static let windowWarningLimit = 20

  /// Builds the year's report.
  ///
  /// - Throws: `InputErrors` for trades that cannot be reported: sales of shares not held,
  ///   unknown lots, a spouse's account on a return without a spouse, Form 1099-DA before 2025.
  public static func build(_ book: TradeBook, _ options: Options) throws(InputErrors) -> YearReport
  {
    try checkSpouseAccounts(book, options)

    // Whose sales are on this return, decided once per account rather than once per row.
    let reportedAccounts = book.accounts.names.map { name -> Bool in
      let account = options.accounts[name] ?? Account(name: name)
      guard account.kind.isTaxable else { return false }
      return account.owner == .self || options.filingStatus.reportsSpouseSales
    }
    let firstDay = CivilDate.startOfYear(options.taxYear)
    let lastDay = CivilDate.endOfYear(options.taxYear)
    let isReportedTrade: @Sendable (Trade) -> Bool = { trade in
      trade.date >= firstDay && trade.date <= lastDay && reportedAccounts[Int(trade.account)]
    }
    let isReported: @Sendable (Int32) -> Bool = { sale in
      let trade = Int(sale)
      return book.trades[trade].date >= firstDay && book.trades[trade].date <= lastDay
        && reportedAccounts[Int(book.trades[trade].account)]
    }

    // The engine records only this return's sales: the pieces of other years and accounts
    // would be held in memory for nothing.
    let configuration = WashSaleEngine.Configuration(
      accounts: options.accounts, identicalGroups: options.identicalGroups,
      convention: options.convention, snapshotDay: CivilDate.endOfYear(options.taxYear),
      recordsSale: isReportedTrade)
    var result = try WashSaleEngine.run(book, configuration)

    let rows = try form8949Rows(
      result.dispositions, book: book, options: options, isReported: isReported)
    result.dispositions = []

    // The pieces go before the wash-sale rows are made, the pairings after: the least held
    // at once.
    let washSales = washSaleRows(result.matches, book: book, isReported: isReported)
    result.matches = []

    var deferred: [DeferredLossRow] = []
    for held in result.heldAtSnapshot where held.parcel.washAdded > .zero {
      // Listed when the loss came from a sale on this return, or sits in a lot of this
      // return's accounts (a spouse's loss washed into the filer's shares on separate returns).
      let origin = held.parcel.originSale
      let purchase = book.trades[Int(held.purchase)]
      guard origin >= 0,
        reportedAccounts[Int(book.trades[Int(origin)].account)]
          || reportedAccounts[Int(purchase.account)]
      else { continue }
      deferred.append(
        DeferredLossRow(
          symbol: book.symbols[purchase.symbol], account: book.accounts[purchase.account],
          lotDate: purchase.date, shares: held.parcel.shares, deferred: held.parcel.washAdded))
    }
    deferred.sort { a, b in
      if a.symbol != b.symbol { return a.symbol < b.symbol }
      if a.account != b.account { return a.account < b.account }
      if a.lotDate != b.lotDate { return a.lotDate < b.lotDate }
      if a.shares != b.shares { return a.shares < b.shares }
      return a.deferred < b.deferred
    }

    var warnings: [String] = []
    for line in book.skippedFooterLines {
      warnings.append(
        "\(book.file):\(line): skipped a footer line (only its first column is filled)")
    }
    let lastDate = book.lastDate.map(\.description) ?? "?"
    let incomplete = result.incompleteWindows.filter { isReported($0.sale) }
    for window in incomplete.prefix(YearReportBuilder.windowWarningLimit) {
      let sale = book.trades[Int(window.sale)]
      warnings.append(
        "\(book.file):\(sale.line): the wash-sale window of the loss sale of "
          + "\(book.symbols[sale.symbol]) on \(sale.date) runs to \(window.windowEnd), but the "
          + "trades file ends on \(lastDate); purchases after that could still disallow it")
    }
    if incomplete.count > YearReportBuilder.windowWarningLimit {
      warnings.append(
        "\(book.file): \(incomplete.count - YearReportBuilder.windowWarningLimit) more loss "
          + "sales have wash-sale windows that run past the end of the trades file "
          + "(\(lastDate)); add the trades of the following 30 days")
    }
    return YearReport(
      taxYear: options.taxYear, rows: rows, washSales: washSales,
      deferredLosses: deferred, warnings: warnings)
  }

  /// Pieces of rows made by one task when the rows are made on several cores.
  private static let rowsPerTask = 65_536

  /// The Form 8949 rows of the reported pieces, in form order.
  ///
  /// Two passes, each on every core with one task per run of pieces: the box of every
  /// reported piece, then each row written straight into its place. The engine yields pieces
  /// in date-sold order, in the order the sales were taken, so placing them box by box in
  /// that order gives form order with no sort and no copy: a task's rows of a box go after
  /// every earlier box and after the same box's rows of earlier tasks.
  private static func form8949Rows(
    _ pieces: [Disposition], book: TradeBook, options: Options,
    isReported: @escaping @Sendable (Int32) -> Bool
  ) throws(InputErrors) -> [Form8949Row] {
    let boxes = Form8949Box.allCases.sorted()
    let boxCount = boxes.count
    let taskCount = (pieces.count + rowsPerTask - 1) / rowsPerTask
    guard taskCount > 0 else { return [] }
    @Sendable func taskPieces(_ task: Int) -> Range<Int> {
      (task * rowsPerTask)..<min(pieces.count, (task + 1) * rowsPerTask)
    }

    // The box of each piece (.max when not reported), each task's count of each box, and
    // each task's refused sales.
    var boxOfPiece = [UInt8](repeating: .max, count: pieces.count)
    var counts = [Int](repeating: 0, count: taskCount * boxCount)
    var taskErrors = [[InputError]](repeating: [], count: taskCount)
    let taxYear = options.taxYear
    boxOfPiece.withUnsafeMutableBufferPointer { boxOfPiece in
      counts.withUnsafeMutableBufferPointer { counts in
        taskErrors.withUnsafeMutableBufferPointer { taskErrors in
          let boxSlots = DisjointSlots(base: boxOfPiece.baseAddress!)
          let countSlots = DisjointSlots(base: counts.baseAddress!)
          let errorSlots = DisjointSlots(base: taskErrors.baseAddress!)
          ParallelWork.forEach(taskCount) { task in
            for index in taskPieces(task) where isReported(pieces[index].sale) {
              let sale = Int(pieces[index].sale)
              guard
                let box = Form8949Box.forSale(
                  longTerm: pieces[index].isLongTerm, form: book.trades[sale].form,
                  basisReported: book.trades[sale].basisReported,
                  asset: book.trades[sale].asset, taxYear: taxYear)
              else {
                errorSlots.base[task].append(
                  InputError(
                    file: book.file, line: book.trades[sale].line, column: "form",
                    found: book.trades[sale].form.rawValue,
                    expected: "1099-B or none for \(taxYear); Form 1099-DA starts with 2025"))
                continue
              }
              boxSlots.base[index] = UInt8(box.formOrder)
              countSlots.base[task * boxCount + box.formOrder] += 1
            }
          }
        }
      }
    }
    let errors = taskErrors.joined()
    if !errors.isEmpty {
      throw InputErrors(
        Array(errors.prefix(TradeFileReader.errorLimit)),
        truncated: errors.count > TradeFileReader.errorLimit)
    }

    var starts = counts
    var next = 0
    for box in 0..<boxCount {
      for task in 0..<taskCount {
        starts[task * boxCount + box] = next
        next += counts[task * boxCount + box]
      }
    }
    let total = next
    guard total > 0 else { return [] }
    let placed = boxOfPiece
    let firstPlaces = starts
    return [Form8949Row](unsafeUninitializedCapacity: total) { buffer, initialized in
      let slots = DisjointSlots(base: buffer.baseAddress!)
      ParallelWork.forEach(taskCount) { task in
        var place = Array(firstPlaces[(task * boxCount)..<((task + 1) * boxCount)])
        // One shared record of each loss sale behind a wash-sale basis, for all the
        // task's rows it fed; the last one found is kept at hand, since a sale's pieces
        // and the sales out of one replacement lot come together.
        var sources: [Int32: WashSource] = [:]
        var lastSource: (origin: Int32, source: WashSource)?
        for index in taskPieces(task) where placed[index] != .max {
          let piece = pieces[index]
          let order = Int(placed[index])
          var source: WashSource?
          if piece.washOrigin >= 0 {
            if let lastSource, lastSource.origin == piece.washOrigin {
              source = lastSource.source
            } else {
              let found = sources[piece.washOrigin] ?? washSource(piece.washOrigin, book)
              sources[piece.washOrigin] = found
              lastSource = (piece.washOrigin, found)
              source = found
            }
          }
          (slots.base + place[order]).initialize(
            to: row(piece, box: boxes[order], book: book, washSource: source))
          place[order] += 1
        }
      }
      initialized = total
    }
  }

  /// One row per loss sale and replacement purchase; pairings of one sale with one
  /// purchase that differ only in the shares' parcels are merged.
  ///
  /// The runs of pairings that make one row are found first, comparing name numbers rather
  /// than names; the rows are then made on every core, each into its own place.
  private static func washSaleRows(
    _ matches: [WashSaleMatch], book: TradeBook, isReported: (Int32) -> Bool
  ) -> [WashSaleRow] {
    let reported = matches.indices.filter { isReported(matches[$0].sale) }
    // A pairing joins the row of the one before when the same sale was replaced in the same
    // account, symbol and day, with the same holding start and permanence.
    func joinsPrevious(_ earlier: WashSaleMatch, _ later: WashSaleMatch) -> Bool {
      guard earlier.sale == later.sale, earlier.adjustedHolding == later.adjustedHolding,
        earlier.isPermanent == later.isPermanent
      else { return false }
      let first = book.trades[Int(earlier.replacement)]
      let second = book.trades[Int(later.replacement)]
      return first.account == second.account && first.symbol == second.symbol
        && first.date == second.date
    }
    var runStarts: [Int] = []
    for position in reported.indices
    where position == 0
      || !joinsPrevious(matches[reported[position - 1]], matches[reported[position]])
    {
      runStarts.append(position)
    }
    runStarts.append(reported.count)
    let rowCount = runStarts.count - 1
    guard rowCount > 0 else { return [] }
    let starts = runStarts
    let rowsPerTask = YearReportBuilder.rowsPerTask
    return [WashSaleRow](unsafeUninitializedCapacity: rowCount) { buffer, initialized in
      let slots = DisjointSlots(base: buffer.baseAddress!)
      ParallelWork.forEach((rowCount + rowsPerTask - 1) / rowsPerTask) { task in
        for row in (task * rowsPerTask)..<min(rowCount, (task + 1) * rowsPerTask) {
          let run = reported[starts[row]..<starts[row + 1]]
          let match = matches[run.first!]
          let sale = book.trades[Int(match.sale)]
          let replacement = book.trades[Int(match.replacement)]
          var made = WashSaleRow(
            symbol: book.symbols[sale.symbol], saleDate: sale.date,
            saleAccount: book.accounts[sale.account], shares: match.shares,
            disallowed: match.disallowed, replacementAccount: book.accounts[replacement.account],
            replacementSymbol: book.symbols[replacement.symbol],
            replacementDate: replacement.date, basisAdded: match.basisAdded,
            adjustedAcquired: match.adjustedHolding, isPermanent: match.isPermanent,
            saleLine: sale.line)
          for index in run.dropFirst() {
            made.shares += matches[index].shares
            made.disallowed += matches[index].disallowed
            made.basisAdded += matches[index].basisAdded
          }
          (slots.base + row).initialize(to: made)
        }
      }
      initialized = rowCount
    }
  }

  private static func checkSpouseAccounts(
    _ book: TradeBook, _ options: Options
  ) throws(InputErrors) {
    guard !options.filingStatus.allowsSpouseAccounts else { return }
    var errors: [InputError] = []
    for name in book.accounts.names.sorted() {
      guard let account = options.accounts[name], account.owner == .spouse else { continue }
      guard let first = book.trades.first(where: { book.accounts[$0.account] == name }) else {
        continue
      }
      errors.append(
        InputError(
          file: book.file, line: first.line, column: "account", found: name,
          expected: "an account of the filer: \(name) belongs to a spouse, and filing status "
            + "\(options.filingStatus.rawValue) has none (use mfj, mfs or hoh)"))
    }
    if !errors.isEmpty { throw InputErrors(errors) }
  }

  /// The row of one piece, read from the book's trades field by field rather than copying
  /// whole trades.
  private static func row(
    _ piece: Disposition, box: Form8949Box, book: TradeBook, washSource: WashSource?
  ) -> Form8949Row {
    let sale = Int(piece.sale)
    let purchase = Int(piece.purchase)
    let acquired = book.trades[purchase].acquired
    var row = Form8949Row(
      box: box, description: book.trades[sale].description, dateAcquired: piece.holding,
      dateSold: book.trades[sale].date, proceeds: piece.proceeds, costBasis: piece.basis,
      adjustment: piece.disallowed, symbol: book.symbols[book.trades[sale].symbol],
      account: book.accounts[book.trades[sale].account], shares: piece.shares,
      purchaseDate: actualAcquisition(acquired, bought: book.trades[purchase].date),
      actualCost: piece.cost, washBasisAdded: piece.washAdded, saleLine: book.trades[sale].line,
      isDigitalAsset: book.trades[sale].asset.isDigitalAsset, washSource: washSource)
    if piece.disallowed > .zero { row.codeLetters = .washSale }
    let washAdjusted = piece.washAdded > .zero
    switch acquired {
    case nil: row.storedBasisNote = washAdjusted ? .washSale : .none
    case .inherited?: row.storedBasisNote = washAdjusted ? .inheritedWashSale : .inherited
    case .date?: row.storedBasisNote = washAdjusted ? .transferredInWashSale : .transferredIn
    }
    return row
  }

  /// The earlier loss sale behind a piece's wash-sale basis adjustment.
  private static func washSource(_ originSale: Int32, _ book: TradeBook) -> WashSource {
    let origin = book.trades[Int(originSale)]
    return WashSource(
      saleDate: origin.date, saleAccount: book.accounts[origin.account],
      symbol: book.symbols[origin.symbol], saleLine: origin.line)
  }

  /// When the shares were really acquired: the trade date of a buy, the original date of a
  /// lot transferred in, nothing for an inherited lot.
  private static func actualAcquisition(_ acquired: HoldingStart?, bought: CivilDate) -> CivilDate?
  {
    switch acquired {
    case nil: return bought
    case .date(let date)?: return date
    case .inherited?: return nil
    }
  }
}
