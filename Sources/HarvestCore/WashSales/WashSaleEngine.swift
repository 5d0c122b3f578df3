import Dispatch

/// Matches every sale with the lots it sells and applies the wash-sale rule (IRC 1091)
/// across every account of the filer and the spouse, taxable, IRA and Roth alike.
///
/// The engine sorts the trades once and sweeps them day by day: a day's purchases are
/// booked before its sales; each sale takes shares first in, first out (or the lot it
/// names); each loss piece of a sale in a taxable account is matched, share for share, with
/// replacement shares bought within 30 days before or after it. Replacement candidates live
/// in one array per group of substantially identical symbols, sorted by purchase order, with
/// a skip list over purchases that have no shares left to give, so a sale costs time in
/// proportion to what it touches, never to the size of the history.
///
/// Trades of different groups never meet: holdings are per account and symbol, replacement
/// candidates per group, and digital assets that are not tokenized are each on their own. So a
/// big history is swept in partitions of groups, one per core, and the partitions' results
/// are merged back into the order one sweep over everything gives (see `WashSalePartitions`).
public struct WashSaleEngine {
  /// What the engine needs besides the trades.
  public struct Configuration: Sendable {
    /// Accounts by name; an account not listed is a taxable account of the filer.
    public var accounts: [String: Account]
    /// Groups of substantially identical symbols: upper-case symbol → group name.
    public var identicalGroups: [String: String]
    /// How replacement shares' holding periods are extended.
    public var convention: HoldingPeriodConvention
    /// The day at whose end held parcels are recorded (for year-end deferred losses).
    public var snapshotDay: CivilDate?
    /// Which sales (by trade index) have their pieces and wash-sale pairings recorded in
    /// the result; nil records every sale. Every sale is still made, so lots and wash
    /// sales are the same either way; a report of one year records only that year's sales
    /// rather than holding the whole history's pieces in memory.
    public var recordsSale: (@Sendable (Trade) -> Bool)?

    /// Creates a configuration.
    public init(
      accounts: [String: Account] = [:], identicalGroups: [String: String] = [:],
      convention: HoldingPeriodConvention = .tacked, snapshotDay: CivilDate? = nil,
      recordsSale: (@Sendable (Trade) -> Bool)? = nil
    ) {
      self.accounts = accounts
      self.identicalGroups = identicalGroups
      self.convention = convention
      self.snapshotDay = snapshotDay
      self.recordsSale = recordsSale
    }
  }

  /// The length of the window on each side of a loss sale, in calendar days.
  public static let windowDays = 30

  private let book: TradeBook
  private let configuration: Configuration
  private let tables: WashSaleTables
  /// The trades this sweep covers, as ascending indices into the book. The engine works in
  /// positions in this list ("sales" and "trades" below are positions) and reports trade
  /// indices.
  private let members: [Int32]
  /// Whether each sale's place in the day's order is logged, for merging partitions.
  private let logsSales: Bool
  /// Whether the partitions' pieces and pairings are merged into this sweep's arrays, which
  /// then reserve room for those of every partition.
  private let holdsMerge: Bool
  private var purchases: [Purchase] = []
  private var purchaseKeys: [PurchaseKey] = []
  private var purchaseOfTrade: [Int32]
  private var holdingsOfTrade: [Int32]
  private var holdings: [AccountHoldings] = []
  /// The first trade (a book index) of each holding: holdings are numbered in that order.
  private var holdingFirstTrade: [Int32] = []
  /// Each holding's rank by account name, then symbol.
  private var holdingRank: [Int32] = []
  /// Purchase ids that can replace, sorted by group, then purchase order.
  private var candidates: [Int32] = []
  private var candidateDates: [Int32] = []
  private var candidatePosition: [Int32] = []
  private var groupRanges: [Range<Int>] = []
  /// For each group, its first candidate bought on or after the first day of the window of
  /// the latest loss sale: sales come in date order, so this only moves forward.
  private var windowStarts: [Int] = []
  /// Replacement parcels of all purchases, each chained to the next of its purchase (-1 ends
  /// a chain); slots of parcels sold out are chained from `freeParcel` and used again.
  private var replacementParcels: [ChainedParcel] = []
  private var freeParcel: Int32 = -1
  /// Union-find "next candidate that may still have shares" pointers.
  private var skip: [Int32] = []
  /// Buffers one sale at a time works in, kept so a million sales allocate nothing.
  private var spareSources: [Int32] = []
  private var sparePieces: [(pid: Int32, parcel: Parcel)] = []
  private var spareDaySales: [Int] = []
  private var spareFirsts: [Int32] = []
  private var spareOrdered: [SaleOrder] = []
  private var spareNextInChain: [Int32] = []
  /// For chaining a day's sales by holding: each holding's last chained sale (a slot), valid
  /// when the holding's stamp is that of the day's chaining.
  private var chainStamp = 0
  private var chainStampOfHolding: [Int] = []
  private var lastInChain: [Int32] = []
  private var errors: [InputError] = []
  private var prepareErrorCount = 0
  private var result = EngineResult()
  private var saleLog: [SaleLogEntry] = []
  /// Whether each sale (by position) is recorded, asked of the configuration once.
  private var recordedSale: [Bool]
  private var salesCount = 0
  private var recordedSalesCount = 0
  /// Whether the members come in date order (the usual case), so the sweep needs no sorting.
  private var inDateOrder = true

  /// Runs the engine over every trade in `book`.
  ///
  /// - Throws: `InputErrors` for sales of shares that are not held or lots that do not exist.
  public static func run(
    _ book: TradeBook, _ configuration: Configuration
  ) throws(InputErrors) -> EngineResult {
    try run(book, configuration, partitions: WashSalePartitions.defaultCount(for: book))
  }

  /// Runs the engine with its groups spread over at most `partitions` sweeps run side by
  /// side; the result and errors are the same whatever the number.
  static func run(
    _ book: TradeBook, _ configuration: Configuration, partitions: Int
  ) throws(InputErrors) -> EngineResult {
    let tables = WashSaleTables(book, configuration)
    let memberLists = WashSalePartitions.members(book, tables, count: partitions)
    guard memberLists.count > 1 else {
      var engine = WashSaleEngine(
        book: book, configuration: configuration, tables: tables,
        members: memberLists.first ?? [], logsSales: false)
      let output = engine.output()
      try WashSalePartitions.throwIfAny(output.prepareErrors + output.sweepErrors)
      return output.result
    }

    var outputs = [SweepOutput?](repeating: nil, count: memberLists.count)
    outputs.withUnsafeMutableBufferPointer { outputs in
      // Each partition writes only its own slot.
      let slots = DisjointSlots(base: outputs.baseAddress!)
      ParallelWork.forEach(memberLists.count) { index in
        var engine = WashSaleEngine(
          book: book, configuration: configuration, tables: tables,
          members: memberLists[index], logsSales: true, holdsMerge: index == 0)
        slots.base[index] = engine.output()
      }
    }
    // Moved out of the slots, so that merging can free each part once it is merged.
    var parts: [SweepOutput] = []
    parts.reserveCapacity(outputs.count)
    for index in outputs.indices {
      parts.append(outputs[index]!)
      outputs[index] = nil
    }
    return try WashSalePartitions.merge(&parts, book: book)
  }

  private init(
    book: TradeBook, configuration: Configuration, tables: WashSaleTables, members: [Int32],
    logsSales: Bool, holdsMerge: Bool = false
  ) {
    self.book = book
    self.configuration = configuration
    self.tables = tables
    self.members = members
    self.logsSales = logsSales
    self.holdsMerge = holdsMerge
    purchaseOfTrade = Array(repeating: -1, count: members.count)
    holdingsOfTrade = Array(repeating: -1, count: members.count)
    recordedSale = Array(repeating: false, count: members.count)
  }

  /// Prepares, sweeps, and hands over what the sweep found.
  private mutating func output() -> SweepOutput {
    prepare()
    prepareErrorCount = errors.count
    sweep()
    return SweepOutput(
      result: result, prepareErrors: Array(errors[..<prepareErrorCount]),
      sweepErrors: Array(errors[prepareErrorCount...]), saleLog: saleLog)
  }

  private func trade(_ position: Int) -> Trade { book.trades[Int(members[position])] }
  /// The date first-in-first-out ordering uses: the original acquisition date of a lot that
  /// was transferred in, else the trade date.
  private func fifoDate(_ pid: Int32) -> CivilDate {
    CivilDate(dayNumber: purchaseKeys[Int(pid)].acquired)
  }
  // Single fields, read without copying the whole trade.
  private func date(_ position: Int) -> CivilDate { book.trades[Int(members[position])].date }
  private func symbol(_ position: Int) -> Int32 { book.trades[Int(members[position])].symbol }
  private func ordinal(_ position: Int) -> Int32 {
    book.trades[Int(members[position])].dayOrdinal
  }

  // MARK: Preparation

  private mutating func prepare() {
    let groupOfSymbol = tables.groupOfSymbol
    let groupCount = tables.groupCount

    // Holdings are numbered in order of first appearance, found through a table by account
    // and symbol when that table is small (the usual case), else through a dictionary.
    struct HoldingKey: Hashable {
      var account: Int32
      var symbol: Int32
    }
    var holdingIndex: [HoldingKey: Int32] = [:]
    let symbolCount = book.symbols.count
    let (tableSize, tooLarge) = book.accounts.count.multipliedReportingOverflow(by: symbolCount)
    var holdingTable =
      !tooLarge && tableSize <= 1 << 22 ? [Int32](repeating: -1, count: tableSize) : []
    func holdingID(account: Int32, symbol: Int32, _ index: Int32) -> Int32 {
      if !holdingTable.isEmpty {
        let slot = Int(account) * symbolCount + Int(symbol)
        if holdingTable[slot] < 0 {
          holdingTable[slot] = Int32(holdings.count)
          holdings.append(AccountHoldings())
          holdingFirstTrade.append(index)
        }
        return holdingTable[slot]
      }
      let key = HoldingKey(account: account, symbol: symbol)
      if let existing = holdingIndex[key] { return existing }
      let id = Int32(holdings.count)
      holdingIndex[key] = id
      holdings.append(AccountHoldings())
      holdingFirstTrade.append(index)
      return id
    }
    // Room for every trade to be a buy: the untouched rest of a reservation costs no memory,
    // and counting the buys would cost a pass over the trades.
    purchases.reserveCapacity(members.count)
    purchaseKeys.reserveCapacity(members.count)

    // Candidates are counted by group as the buys are booked (for a counting sort below);
    // each purchase's group is kept, -1 for one that cannot replace.
    var groupStarts = [Int](repeating: 0, count: groupCount + 1)
    var candidateGroup: [Int32] = []
    candidateGroup.reserveCapacity(members.count)

    // Fields are read one by one: a copy of the whole trade costs a retain and a release.
    var previousDate = CivilDate(dayNumber: .min)
    for position in members.indices {
      let index = members[position]
      let tradeIndex = Int(index)
      let tradeDate = book.trades[tradeIndex].date
      let symbol = book.trades[tradeIndex].symbol
      let id = holdingID(account: book.trades[tradeIndex].account, symbol: symbol, index)
      holdingsOfTrade[position] = id
      if tradeDate < previousDate { inDateOrder = false }
      previousDate = tradeDate
      guard book.trades[tradeIndex].action == .buy else {
        salesCount += 1
        if records(book.trades[tradeIndex]) {
          recordedSale[position] = true
          recordedSalesCount += 1
        }
        continue
      }

      let pid = Int32(purchases.count)
      purchaseOfTrade[position] = pid
      let key = tables.purchaseKey(book.trades[tradeIndex])
      let acquired = book.trades[tradeIndex].acquired
      purchases.append(
        Purchase(
          trade: index, date: tradeDate, shares: book.trades[tradeIndex].quantity,
          cost: book.trades[tradeIndex].amount, holding: acquired ?? .date(tradeDate),
          isPurchase: acquired == nil,
          inTaxableAccount: tables.accountKinds[Int(book.trades[tradeIndex].account)].isTaxable))
      purchaseKeys.append(key)
      let group = acquired == nil ? groupOfSymbol[Int(symbol)] : -1
      candidateGroup.append(group)
      if group >= 0 { groupStarts[Int(group) + 1] += 1 }

      if let name = book.trades[tradeIndex].lotName {
        if holdings[Int(id)].byName[name] != nil {
          fail(
            book.trades[tradeIndex], column: "lot", found: name,
            expected: "a lot name used once per account and symbol")
        }
        holdings[Int(id)].byName[name] = pid
      }
    }

    // Candidates by group (a counting sort), then by purchase order within each group.
    for group in 0..<groupCount { groupStarts[group + 1] += groupStarts[group] }
    var nextSlot = groupStarts
    candidates = Array(repeating: 0, count: groupStarts[groupCount])
    for (pid, group) in candidateGroup.enumerated() where group >= 0 {
      let group = Int(group)
      candidates[nextSlot[group]] = Int32(pid)
      nextSlot[group] += 1
    }
    candidateGroup = []
    groupRanges = (0..<groupCount).map { groupStarts[$0]..<groupStarts[$0 + 1] }
    func precedes(_ a: Int32, _ b: Int32) -> Bool { purchaseKeys[Int(a)] < purchaseKeys[Int(b)] }
    for range in groupRanges {
      // Candidates were bought, so their acquisition dates are their trade dates: in a file
      // in date order only those of one day can be out of order, and an insertion sort puts
      // them in place with few moves. A day with many buys that alternate between accounts
      // can still need many, so past a budget the group is sorted outright instead.
      var needsFullSort = !inDateOrder
      if inDateOrder {
        var budget = 8 * range.count + 64
        for position in range.dropFirst() where budget >= 0 {
          let pid = candidates[position]
          var slot = position
          while slot > range.lowerBound && precedes(pid, candidates[slot - 1]) {
            candidates[slot] = candidates[slot - 1]
            slot -= 1
          }
          candidates[slot] = pid
          budget -= position - slot
        }
        needsFullSort = budget < 0
      }
      if needsFullSort {
        // Keys are unique within a group, so any sort gives the one order.
        candidates.replaceSubrange(range, with: candidates[range].sorted(by: precedes))
      }
    }
    // A candidate was bought, not transferred in: its acquisition date is its trade date.
    candidateDates = candidates.map { purchaseKeys[Int($0)].acquired }
    candidatePosition = Array(repeating: -1, count: purchases.count)
    for (position, pid) in candidates.enumerated() { candidatePosition[Int(pid)] = Int32(position) }
    windowStarts = groupRanges.map(\.lowerBound)
    chainStampOfHolding = Array(repeating: 0, count: holdings.count)
    let byName = holdingFirstTrade.indices.sorted { a, b in
      let tradeA = Int(holdingFirstTrade[a]), tradeB = Int(holdingFirstTrade[b])
      let accountA = tables.accountRanks[Int(book.trades[tradeA].account)]
      let accountB = tables.accountRanks[Int(book.trades[tradeB].account)]
      if accountA != accountB { return accountA < accountB }
      return tables.symbolRanks[Int(book.trades[tradeA].symbol)]
        < tables.symbolRanks[Int(book.trades[tradeB].symbol)]
    }
    holdingRank = Array(repeating: 0, count: holdings.count)
    for (rank, holding) in byName.enumerated() { holdingRank[holding] = Int32(rank) }
    lastInChain = Array(repeating: -1, count: holdings.count)
    skip = (0...candidates.count).map(Int32.init)
  }

  // MARK: The sweep

  private mutating func sweep() {
    // Room for four pieces and four pairings a sale (an active trader's sale often closes
    // several small lots, each washed by its own purchase) spares copying the arrays as they
    // grow; an untouched reservation costs no memory. The sweep that holds the merge
    // reserves for all, estimated from its share of the trades.
    var expected = recordedSalesCount
    if holdsMerge && !members.isEmpty {
      expected = expected * book.trades.count / members.count + 1_024
    }
    result.dispositions.reserveCapacity(4 * expected)
    result.matches.reserveCapacity(4 * expected)
    if logsSales { saleLog.reserveCapacity(salesCount) }
    // A file in date order (the usual case) is swept as it stands.
    let order: [Int32]? =
      inDateOrder
      ? nil
      : members.indices.map(Int32.init).sorted { a, b in
        let dateA = date(Int(a)), dateB = date(Int(b))
        return dateA != dateB ? dateA < dateB : a < b
      }
    func at(_ step: Int) -> Int { order.map { Int($0[step]) } ?? step }

    var snapshotTaken = configuration.snapshotDay == nil
    var step = 0
    while step < members.count {
      let day = date(at(step))
      if !snapshotTaken, let snapshot = configuration.snapshotDay, day > snapshot {
        takeSnapshot(through: snapshot)
        snapshotTaken = true
      }
      var end = step
      var sales = spareDaySales
      spareDaySales = []
      sales.removeAll(keepingCapacity: true)
      while end < members.count && date(at(end)) == day {
        let position = at(end)
        if purchaseOfTrade[position] >= 0 {
          book(purchase: purchaseOfTrade[position], holding: holdingsOfTrade[position])
        } else {
          sales.append(position)
        }
        end += 1
      }
      processSales(sales)
      spareDaySales = sales
      step = end
    }
    if !snapshotTaken, let snapshot = configuration.snapshotDay {
      takeSnapshot(through: snapshot)
    }
  }

  private mutating func book(purchase pid: Int32, holding: Int32) {
    let hid = Int(holding)
    let key = purchaseKeys[Int(pid)]
    var low = holdings[hid].head
    var high = holdings[hid].purchases.count
    // Purchases of one account and symbol mostly come in order: then this one goes last.
    if let last = holdings[hid].purchases.last, purchaseKeys[Int(last)] < key { low = high }
    while low < high {
      let middle = (low + high) / 2
      if purchaseKeys[Int(holdings[hid].purchases[middle])] < key {
        low = middle + 1
      } else {
        high = middle
      }
    }
    holdings[hid].purchases.insert(pid, at: low)
    holdings[hid].held += purchases[Int(pid)].heldShares
  }

  /// Takes a day's sales in the order of the purchase their first shares come from, then
  /// by holding; sales of one account and symbol keep the broker's order.
  ///
  /// Each holding's sales wait in a chain; the first of each chain is ordered once, and
  /// only the sales after it (few: most holdings sell once a day) go through a heap, since
  /// where their shares come from is known only once the sale before has been made.
  private mutating func processSales(_ sales: [Int]) {
    guard !sales.isEmpty else { return }
    if sales.count == 1 {
      sell(sales[0], firstPurchase: logsSales ? firstPurchase(of: sales[0]) : -1)
      return
    }
    var chained = sales
    var firsts = spareFirsts
    var nextInChain = spareNextInChain
    spareFirsts = []
    spareNextInChain = []
    defer {
      spareFirsts = firsts
      spareNextInChain = nextInChain
    }
    if !chain(chained, firsts: &firsts, next: &nextInChain) {
      // Out of the broker's order within a holding: put the day in that order, then chain.
      chained.sort { a, b in
        ordinal(a) != ordinal(b) ? ordinal(a) < ordinal(b) : a < b
      }
      _ = chain(chained, firsts: &firsts, next: &nextInChain)
    }

    var ordered = spareOrdered
    spareOrdered = []
    ordered.removeAll(keepingCapacity: true)
    for slot in firsts { ordered.append(order(chained, slot)) }
    ordered.sort()
    var later = MinHeap<SaleOrder>()
    var cursor = 0
    while true {
      let next: SaleOrder
      if cursor < ordered.count && later.first.map({ ordered[cursor] < $0 }) ?? true {
        next = ordered[cursor]
        cursor += 1
      } else if let first = later.pop() {
        next = first
      } else {
        break
      }
      let sale = chained[Int(next.slot)]
      sell(sale, firstPurchase: next.purchase)
      let following = nextInChain[Int(next.slot)]
      if following >= 0 { later.push(order(chained, following)) }
    }
    spareOrdered = ordered
  }

  private func order(_ sales: [Int], _ slot: Int32) -> SaleOrder {
    let sale = sales[Int(slot)]
    let pid = firstPurchase(of: sale)
    let holding = Int(holdingsOfTrade[sale])
    // No real acquisition date is as late as the largest day number.
    let acquired =
      pid < 0 ? UInt32.max : UInt32(bitPattern: purchaseKeys[Int(pid)].acquired) ^ 1 << 31
    let rank = pid < 0 ? UInt32(holding) : UInt32(holdingRank[holding])
    return SaleOrder(key: UInt64(acquired) << 32 | UInt64(rank), slot: slot, purchase: pid)
  }

  /// Chains each holding's sales among `sales` in their order; puts the first slot of each
  /// chain in `firsts`, and for each slot the next of its chain (or -1) in `next`. False
  /// when a holding's sales are not in the broker's order.
  private mutating func chain(
    _ sales: [Int], firsts: inout [Int32], next: inout [Int32]
  ) -> Bool {
    chainStamp += 1
    firsts.removeAll(keepingCapacity: true)
    next.removeAll(keepingCapacity: true)
    var inOrder = true
    for (slot, sale) in sales.enumerated() {
      next.append(-1)
      let hid = Int(holdingsOfTrade[sale])
      if chainStampOfHolding[hid] == chainStamp {
        let last = Int(lastInChain[hid])
        if ordinal(sales[last]) > ordinal(sale) { inOrder = false }
        next[last] = Int32(slot)
      } else {
        chainStampOfHolding[hid] = chainStamp
        firsts.append(Int32(slot))
      }
      lastInChain[hid] = Int32(slot)
    }
    return inOrder
  }

  /// Makes a sale whose first shares come from `pid` and, when partitions are merged, logs
  /// its place in the day's order if it left anything to merge: the merge places only the
  /// pieces, pairings, warnings and errors of sales, so the others need no place.
  private mutating func sell(_ sale: Int, firstPurchase pid: Int32) {
    guard logsSales else { return sell(sale) }
    let outputs = outputCount
    sell(sale)
    if outputCount != outputs { log(sale, firstPurchase: pid) }
  }

  private var outputCount: Int {
    result.dispositions.count + result.matches.count + result.incompleteWindows.count
      + errors.count
  }

  private mutating func log(_ sale: Int, firstPurchase pid: Int32) {
    let key = pid < 0 ? PurchaseKey.last : purchaseKeys[Int(pid)]
    saleLog.append(
      SaleLogEntry(
        sale: members[sale], date: date(sale).dayNumber, acquired: key.acquired,
        accountRank: key.accountRank, symbolRank: key.symbolRank,
        holding: holdingFirstTrade[Int(holdingsOfTrade[sale])]))
  }

  /// A replacement parcel and the next replacement parcel of the same purchase, or -1.
  private struct ChainedParcel {
    var parcel: Parcel
    var next: Int32
  }

  /// Where a waiting sale stands in its day: by the purchase its first shares come from,
  /// then by holding.
  ///
  /// Only one sale of each holding waits at a time, and purchases of different holdings
  /// differ in account or symbol, so purchase order comes down to acquisition date, then
  /// the holding's rank by account and symbol: both fit in one number. Sales with no
  /// purchase to take from come last, by holding.
  private struct SaleOrder: Comparable {
    var key: UInt64
    /// The sale's place in the day's chained sales.
    var slot: Int32
    var purchase: Int32

    static func < (lhs: SaleOrder, rhs: SaleOrder) -> Bool { lhs.key < rhs.key }
  }

  /// The purchase a sale's first shares come from, or -1 when there is none (such a sale
  /// fails, or takes a named lot that has nothing left).
  private func firstPurchase(of sale: Int) -> Int32 {
    let hid = Int(holdingsOfTrade[sale])
    switch book.trades[Int(members[sale])].selector {
    case .firstInFirstOut:
      let list = holdings[hid].purchases
      var index = holdings[hid].head
      while index < list.count && purchases[Int(list[index])].heldShares == .zero { index += 1 }
      return index < list.count ? list[index] : -1
    case .named(let name):
      return holdings[hid].byName[name] ?? -1
    case .purchasedOn(let date):
      for pid in holdings[hid].purchases[holdings[hid].head...]
      where fifoDate(pid) == date && purchases[Int(pid)].heldShares > .zero {
        return pid
      }
      return -1
    }
  }

  // MARK: One sale

  private func records(_ trade: Trade) -> Bool {
    configuration.recordsSale?(trade) ?? true
  }

  private mutating func sell(_ sale: Int) {
    // Fields read one by one: a copy of the whole trade costs a retain and a release.
    let index = Int(members[sale])
    let quantity = book.trades[index].quantity
    let saleDate = book.trades[index].date
    let recorded = recordedSale[sale]
    let hid = Int(holdingsOfTrade[sale])
    var sources = spareSources
    var pieces = sparePieces
    spareSources = []
    sparePieces = []
    sources.removeAll(keepingCapacity: true)
    pieces.removeAll(keepingCapacity: true)
    defer {
      spareSources = sources
      sparePieces = pieces
    }
    guard selectPurchases(for: sale, into: &sources) else { return }

    var needed = quantity
    for pid in sources where needed > .zero {
      take(from: pid, count: &needed, into: &pieces)
    }
    holdings[hid].held -= quantity
    while holdings[hid].head < holdings[hid].purchases.count
      && purchases[Int(holdings[hid].purchases[holdings[hid].head])].heldShares == .zero
    {
      holdings[hid].head += 1
    }

    let washable =
      tables.accountKinds[Int(book.trades[index].account)].isTaxable
      && tables.groupOfSymbol[Int(book.trades[index].symbol)] >= 0
    var proceedsLeft = book.trades[index].amount
    var sharesLeft = quantity
    var flaggedWindow = false
    for (pid, parcel) in pieces {
      let proceeds = proceedsLeft.share(parcel.shares.units, of: sharesLeft.units)
      proceedsLeft -= proceeds
      sharesLeft -= parcel.shares
      var disallowed = Money.zero
      let loss = parcel.basis - proceeds
      if washable && loss > .zero {
        disallowed = washLoss(
          sale: sale, loss: loss, parcel: parcel, excluding: sources, recorded: recorded)
        if disallowed < loss && !flaggedWindow {
          flagIncompleteWindow(sale: sale)
          flaggedWindow = true
        }
      }
      guard recorded else { continue }
      result.dispositions.append(
        Disposition(
          sale: members[sale], purchase: purchases[Int(pid)].trade, shares: parcel.shares,
          proceeds: proceeds, cost: parcel.cost, washAdded: parcel.washAdded,
          holding: parcel.holding, disallowed: disallowed,
          isLongTerm: Self.isLongTerm(parcel.holding, soldOn: saleDate),
          washOrigin: parcel.washAdded > .zero ? parcel.originSale : -1))
    }
  }

  /// `holding.isLongTerm(soldOn:)`, without working out the first anniversary when the days
  /// held decide it: the anniversary falls 365 or 366 days after the acquisition.
  static func isLongTerm(_ holding: HoldingStart, soldOn sold: CivilDate) -> Bool {
    if case .date(let acquired) = holding {
      let days = sold.days(since: acquired)
      if days < 365 { return false }
      if days > 366 { return true }
    }
    return holding.isLongTerm(soldOn: sold)
  }

  /// Puts into `sources` the purchases a sale draws from, in the order it draws from them;
  /// false (with an error recorded) when they do not hold enough shares.
  private mutating func selectPurchases(
    for sale: Int, into sources: inout [Int32]
  ) -> Bool {
    let index = Int(members[sale])
    let quantity = book.trades[index].quantity
    let hid = Int(holdingsOfTrade[sale])
    // The whole trade and names, for messages only; looked up when a message needs them.
    var trade: Trade { book.trades[index] }
    var symbol: String { book.symbols[trade.symbol] }
    var account: String { book.accounts[trade.account] }
    switch book.trades[index].selector {
    case .firstInFirstOut:
      guard holdings[hid].held >= quantity else {
        let held = holdings[hid].held
        fail(
          trade, column: "quantity", found: trade.quantity.description,
          expected: held == .zero
            ? "shares held, but account \(account) holds no \(symbol) on \(trade.date) "
              + "(every sale needs an earlier buy in the same account)"
            : "at most the \(held) shares of \(symbol) held in account \(account) "
              + "on \(trade.date)")
        return false
      }
      var covered = Shares.zero
      var next = holdings[hid].head
      while covered < quantity {
        let pid = holdings[hid].purchases[next]
        let held = purchases[Int(pid)].heldShares
        if held > .zero {
          sources.append(pid)
          covered += held
        }
        next += 1
      }
      return true
    case .named(let name):
      guard let pid = holdings[hid].byName[name], purchases[Int(pid)].date <= date(sale) else {
        fail(
          trade, column: "lot", found: name,
          expected: "the name of a lot of \(symbol) bought in account \(account) "
            + "on or before \(trade.date)")
        return false
      }
      let held = purchases[Int(pid)].heldShares
      guard held >= trade.quantity else {
        fail(
          trade, column: "quantity", found: trade.quantity.description,
          expected: "at most the \(held) shares still held in lot \(name)")
        return false
      }
      sources.append(pid)
      return true
    case .purchasedOn(let date):
      var covered = Shares.zero
      for pid in holdings[hid].purchases[holdings[hid].head...]
      where fifoDate(pid) == date {
        let held = purchases[Int(pid)].heldShares
        if held > .zero && covered < trade.quantity {
          sources.append(pid)
          covered += held
        }
      }
      guard covered >= trade.quantity else {
        fail(
          trade, column: "quantity", found: trade.quantity.description,
          expected: "at most the \(covered) shares of \(symbol) bought on \(date) "
            + "and still held in account \(account)")
        return false
      }
      return true
    }
  }

  /// Removes up to `count` shares from a purchase, replaced parcels first.
  private mutating func take(
    from pid: Int32, count: inout Shares, into pieces: inout [(pid: Int32, parcel: Parcel)]
  ) {
    let index = Int(pid)
    // Every parcel in a chain holds shares: one is unchained as soon as it is sold out.
    var previous: Int32 = -1
    var link = purchases[index].firstReplaced
    while link >= 0 && count > .zero {
      let slot = Int(link)
      let next = replacementParcels[slot].next
      let available = replacementParcels[slot].parcel.shares
      let part = replacementParcels[slot].parcel.split(Shares.min(available, count))
      pieces.append((pid, part))
      count -= part.shares
      purchases[index].replacedShares -= part.shares
      if replacementParcels[slot].parcel.shares == .zero {
        if previous < 0 {
          purchases[index].firstReplaced = next
        } else {
          replacementParcels[Int(previous)].next = next
        }
        if purchases[index].lastReplaced == link { purchases[index].lastReplaced = previous }
        replacementParcels[slot].next = freeParcel
        freeParcel = link
      } else {
        previous = link
      }
      link = next
    }
    if count > .zero && purchases[index].restShares > .zero {
      let part = purchases[index].splitRest(Shares.min(purchases[index].restShares, count))
      pieces.append((pid, part))
      count -= part.shares
    }
    if purchases[index].restShares == .zero { retireCandidate(pid) }
  }

  // MARK: Wash sales

  /// Matches a loss piece with replacement shares and returns the loss disallowed.
  private mutating func washLoss(
    sale: Int, loss: Money, parcel: Parcel, excluding sources: [Int32], recorded: Bool
  ) -> Money {
    let group = Int(tables.groupOfSymbol[Int(symbol(sale))])
    let range = groupRanges[group]
    let saleDate = date(sale)
    let first = saleDate.adding(days: -WashSaleEngine.windowDays).dayNumber
    let last = saleDate.adding(days: WashSaleEngine.windowDays).dayNumber

    var low = windowStarts[group]
    while low < range.upperBound && candidateDates[low] < first { low += 1 }
    windowStarts[group] = low

    var unmatchedShares = parcel.shares
    var unsplitLoss = loss
    var disallowed = Money.zero
    var position = find(low)
    while unmatchedShares > .zero && position < range.upperBound
      && candidateDates[position] <= last
    {
      let pid = candidates[position]
      if sources.contains(pid) {
        position = find(position + 1)
        continue
      }
      let count = Shares.min(unmatchedShares, purchases[Int(pid)].restShares)
      let amount = unsplitLoss.share(count.units, of: unmatchedShares.units)
      unsplitLoss -= amount
      unmatchedShares -= count
      disallowed += amount
      replace(
        candidate: position, count: count, disallowed: amount, sale: sale,
        soldHolding: parcel.holding,
        recorded: recorded)
      position = find(position)
    }
    return disallowed
  }

  /// Carves `count` replacement shares out of a purchase, adding the disallowed loss to their
  /// basis (unless bought in an IRA or Roth IRA) and the sold shares' holding period.
  private mutating func replace(
    candidate position: Int, count: Shares, disallowed: Money, sale: Int,
    soldHolding: HoldingStart, recorded: Bool
  ) {
    let saleDate = date(sale)
    let index = Int(candidates[position])
    let permanent = !purchases[index].inTaxableAccount
    var parcel = purchases[index].splitRest(count)
    var holding = parcel.holding
    if !permanent {
      parcel.washAdded += disallowed
      switch (soldHolding, configuration.convention) {
      case (.inherited, _):
        holding = .inherited
      case (.date(let acquired), .tacked):
        holding = .date(purchases[index].date.adding(days: -saleDate.days(since: acquired)))
      case (.date(let acquired), .original):
        holding = .date(acquired)
      }
      parcel.holding = holding
    }
    parcel.originSale = members[sale]
    let link: Int32
    if freeParcel >= 0 {
      link = freeParcel
      freeParcel = replacementParcels[Int(link)].next
      replacementParcels[Int(link)] = ChainedParcel(parcel: parcel, next: -1)
    } else {
      link = Int32(replacementParcels.count)
      replacementParcels.append(ChainedParcel(parcel: parcel, next: -1))
    }
    if purchases[index].lastReplaced >= 0 {
      replacementParcels[Int(purchases[index].lastReplaced)].next = link
    } else {
      purchases[index].firstReplaced = link
    }
    purchases[index].lastReplaced = link
    purchases[index].replacedShares += parcel.shares
    // Its place is known here: no need to look it up by purchase.
    if purchases[index].restShares == .zero { skip[position] = Int32(position + 1) }

    guard recorded else { return }
    result.matches.append(
      WashSaleMatch(
        sale: members[sale], replacement: purchases[index].trade, shares: count,
        disallowed: disallowed,
        basisAdded: permanent ? .zero : disallowed, adjustedHolding: holding,
        isPermanent: permanent))
  }

  private mutating func retireCandidate(_ pid: Int32) {
    let position = Int(candidatePosition[Int(pid)])
    if position >= 0 { skip[position] = Int32(position + 1) }
  }

  /// The first candidate position at or after `position` that may still have shares.
  private mutating func find(_ position: Int) -> Int {
    var root = position
    while Int(skip[root]) != root { root = Int(skip[root]) }
    var current = position
    while Int(skip[current]) != root {
      let next = Int(skip[current])
      skip[current] = Int32(root)
      current = next
    }
    return root
  }

  private mutating func flagIncompleteWindow(sale: Int) {
    let windowEnd = date(sale).adding(days: WashSaleEngine.windowDays)
    if let lastDate = tables.lastTradeDate, lastDate < windowEnd {
      result.incompleteWindows.append(IncompleteWindow(sale: members[sale], windowEnd: windowEnd))
    }
  }

  // MARK: Snapshot and errors

  private mutating func takeSnapshot(through day: CivilDate) {
    for purchase in purchases {
      var link = purchase.firstReplaced
      while link >= 0 {
        let chained = replacementParcels[Int(link)]
        result.heldAtSnapshot.append(HeldParcel(purchase: purchase.trade, parcel: chained.parcel))
        link = chained.next
      }
      if purchase.date <= day && purchase.restShares > .zero {
        result.heldAtSnapshot.append(HeldParcel(purchase: purchase.trade, parcel: purchase.rest))
      }
    }
  }

  private mutating func fail(_ trade: Trade, column: String, found: String, expected: String) {
    errors.append(
      InputError(
        file: book.file, line: trade.line, column: column, found: found,
        expected: expected))
  }
}
