import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Splits the wash-sale engine's work into partitions of groups that never meet, and merges
/// the partitions' sweeps back into exactly what one sweep over everything gives.
///
/// One sweep takes each day's sales in the order of the purchase their first shares come
/// from, then by holding (account and symbol, in order of first appearance). Where a sale's
/// first shares come from depends only on its own holding, so each partition takes its own
/// sales in the same relative order, and the whole order is found by repeatedly taking, of
/// the partitions' next sales, the one that comes first by day, purchase and holding. Every
/// output of a sale (its pieces, pairings, window warning and error) follows its sale.
enum WashSalePartitions {
  /// Below this many trades per partition, splitting costs more than it saves.
  static let minimumTradesPerPartition = 20_000
  /// Beyond this many partitions, merging costs more than the cores save.
  static let maximumPartitions = 8

  /// One partition per core, when the book is big enough to pay for it.
  static func defaultCount(for book: TradeBook) -> Int {
    let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    let worthwhile = book.trades.count / minimumTradesPerPartition
    return max(1, min(cores, worthwhile, maximumPartitions))
  }

  /// The trades of each partition, as ascending book indices: groups (and symbols never
  /// washed, each on its own) are dealt out heaviest first to the partition with the fewest
  /// trades so far. Fewer than `count` lists when there are fewer groups than that.
  static func members(_ book: TradeBook, _ tables: WashSaleTables, count: Int) -> [[Int32]] {
    guard count > 1 else { return [Array(0..<Int32(book.trades.count))] }
    let componentOfSymbol = tables.groupOfSymbol.enumerated().map { symbol, group in
      group >= 0 ? Int(group) : tables.groupCount + symbol
    }
    var weight = [Int](repeating: 0, count: tables.groupCount + book.symbols.count)
    for (symbol, trades) in tables.tradesOfSymbol.enumerated() {
      weight[componentOfSymbol[symbol]] += trades
    }
    let heaviestFirst = weight.indices.filter { weight[$0] > 0 }.sorted {
      weight[$0] != weight[$1] ? weight[$0] > weight[$1] : $0 < $1
    }

    var load = [Int](repeating: 0, count: count)
    var partitionOf = [Int](repeating: 0, count: weight.count)
    for component in heaviestFirst {
      var lightest = 0
      for partition in load.indices where load[partition] < load[lightest] {
        lightest = partition
      }
      partitionOf[component] = lightest
      load[lightest] += weight[component]
    }
    var lists = load.map { trades -> [Int32] in
      var list: [Int32] = []
      list.reserveCapacity(trades)
      return list
    }
    let partitionOfSymbol = componentOfSymbol.map { partitionOf[$0] }
    for index in book.trades.indices {
      lists[partitionOfSymbol[Int(book.trades[index].symbol)]].append(Int32(index))
    }
    return lists.filter { !$0.isEmpty }
  }

  /// Throws the errors, if any, as the engine reports them.
  static func throwIfAny(_ errors: [InputError]) throws(InputErrors) {
    guard !errors.isEmpty else { return }
    throw InputErrors(
      Array(errors.prefix(TradeFileReader.errorLimit)),
      truncated: errors.count > TradeFileReader.errorLimit)
  }

  // MARK: Merging

  /// Merges the partitions' outputs, freeing each partition's part of one output once it
  /// is merged.
  static func merge(
    _ outputs: inout [WashSaleEngine.SweepOutput], book: TradeBook
  ) throws(InputErrors) -> EngineResult {
    func take<T>(_ path: WritableKeyPath<WashSaleEngine.SweepOutput, [T]>) -> [[T]] {
      outputs.indices.map { index in
        let part = outputs[index][keyPath: path]
        outputs[index][keyPath: path] = []
        return part
      }
    }
    let logs = take(\.saleLog)
    let picks = saleOrder(logs)

    // Errors in preparation come first, in file order; then the sales' errors.
    var errors = mergedByLine(take(\.prepareErrors))
    errors += mergedBySale(take(\.sweepErrors), picks: picks, logs: logs) { error, sale in
      error.line == book.trades[Int(sale)].line
    }
    try throwIfAny(errors)

    var result = EngineResult()
    // The two big outputs are merged side by side, each into the first part's own array; the
    // other parts are freed at the end of the block, before the small outputs are merged.
    do {
      // The first parts moved out, so that their arrays are not shared and grow in place.
      var dispositionParts = take(\.result.dispositions)
      var matchParts = take(\.result.matches)
      var mergedDispositions = dispositionParts[0]
      var mergedMatches = matchParts[0]
      dispositionParts[0] = []
      matchParts[0] = []
      let dispositions = dispositionParts
      let matches = matchParts
      withUnsafeMutablePointer(to: &mergedDispositions) { mergedDispositions in
        withUnsafeMutablePointer(to: &mergedMatches) { mergedMatches in
          // One worker merges the pieces, the other the pairings.
          let mergedDispositions = DisjointSlots(base: mergedDispositions)
          let mergedMatches = DisjointSlots(base: mergedMatches)
          ParallelWork.forEach(2) { output in
            if output == 0 {
              mergeBySale(
                into: &mergedDispositions.base.pointee, dispositions, picks: picks, logs: logs
              ) { $0.sale == $1 }
            } else {
              mergeBySale(into: &mergedMatches.base.pointee, matches, picks: picks, logs: logs) {
                $0.sale == $1
              }
            }
          }
        }
      }
      result.dispositions = mergedDispositions
      result.matches = mergedMatches
    }
    result.incompleteWindows = mergedBySale(
      take(\.result.incompleteWindows), picks: picks, logs: logs
    ) { $0.sale == $1 }
    result.heldAtSnapshot = mergedByPurchase(take(\.result.heldAtSnapshot))
    return result
  }

  /// Which partition each sale of the one sweep comes from, in the order that sweep takes
  /// the sales.
  ///
  /// Sales of different partitions differ in symbol, and a sale's first shares come from its
  /// own account and symbol, so their first purchases compare by acquisition date, account
  /// and symbol alone; sales with no first purchase come last, by holding.
  static func saleOrder(
    _ logs: [[WashSaleEngine.SaleLogEntry]]
  ) -> [UInt8] {
    var next = [Int](repeating: 0, count: logs.count)
    func head(_ partition: Int) -> WashSaleEngine.SaleLogEntry? {
      next[partition] < logs[partition].count ? logs[partition][next[partition]] : nil
    }

    var picks: [UInt8] = []
    picks.reserveCapacity(logs.reduce(0) { $0 + $1.count })
    var heads = logs.indices.map(head)
    while true {
      var first = -1
      for partition in heads.indices {
        guard let head = heads[partition] else { continue }
        if first < 0 || head.precedes(heads[first]!) { first = partition }
      }
      guard first >= 0 else { break }
      picks.append(UInt8(first))
      next[first] += 1
      heads[first] = head(first)
    }
    return picks
  }

  /// The parts' items in the order of their sales, each sale's items in their own order.
  static func mergedBySale<Item>(
    _ parts: [[Item]], picks: [UInt8], logs: [[WashSaleEngine.SaleLogEntry]],
    belongs: (Item, Int32) -> Bool
  ) -> [Item] {
    let total = parts.reduce(0) { $0 + $1.count }
    guard total > 0 else { return [] }
    var merged: [Item] = []
    merged.reserveCapacity(total)
    var nextItem = [Int](repeating: 0, count: parts.count)
    var nextSale = [Int](repeating: 0, count: parts.count)
    for pick in picks {
      let partition = Int(pick)
      let sale = logs[partition][nextSale[partition]].sale
      nextSale[partition] += 1
      let start = nextItem[partition]
      var end = start
      while end < parts[partition].count && belongs(parts[partition][end], sale) { end += 1 }
      if end > start {
        merged.append(contentsOf: parts[partition][start..<end])
        nextItem[partition] = end
      }
    }
    return merged
  }

  /// Merges into `first` (the first part's items) the other parts' items (`parts` past the
  /// first), in the order of their sales, each sale's items in their own order.
  ///
  /// The merge runs from the last sale back, so the first part's items only move towards
  /// the end of their own array: only the other parts' items need new memory. The first part
  /// reserves room for all (see `WashSaleEngine`), so the array seldom has to grow.
  static func mergeBySale<Item>(
    into first: inout [Item], _ parts: [[Item]], picks: [UInt8],
    logs: [[WashSaleEngine.SaleLogEntry]], belongs: (Item, Int32) -> Bool
  ) {
    let firstCount = first.count
    let total = parts.dropFirst().reduce(firstCount) { $0 + $1.count }
    guard total > firstCount else { return }
    first.reserveCapacity(total)
    // Only to make room: every item past the first part's is written again below.
    for part in parts.dropFirst() { first.append(contentsOf: part) }

    var remaining = parts.map(\.count)
    remaining[0] = firstCount
    var nextSale = logs.map(\.count)
    first.withUnsafeMutableBufferPointer { merged in
      var end = total
      for pick in picks.reversed() {
        // What is left is the first part's items, already in place.
        if end == remaining[0] { break }
        let partition = Int(pick)
        nextSale[partition] -= 1
        let sale = logs[partition][nextSale[partition]].sale
        var count = remaining[partition]
        if partition == 0 {
          while count > 0 && belongs(merged[count - 1], sale) {
            count -= 1
            end -= 1
            merged[end] = merged[count]
          }
        } else {
          while count > 0 && belongs(parts[partition][count - 1], sale) {
            count -= 1
            end -= 1
            merged[end] = parts[partition][count]
          }
        }
        remaining[partition] = count
      }
    }
  }

  /// Errors of preparation, in the file order of their lines.
  static func mergedByLine(_ parts: [[InputError]]) -> [InputError] {
    var merged: [InputError] = []
    merged.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    var next = [Int](repeating: 0, count: parts.count)
    while true {
      var first = -1
      for partition in parts.indices where next[partition] < parts[partition].count {
        let line = parts[partition][next[partition]].line ?? 0
        if first < 0 || line < parts[first][next[first]].line ?? 0 { first = partition }
      }
      guard first >= 0 else { return merged }
      merged.append(parts[first][next[first]])
      next[first] += 1
    }
  }

  /// Parcels held at the snapshot, in purchase order, each purchase's parcels in their order.
  static func mergedByPurchase(_ parts: [[HeldParcel]]) -> [HeldParcel] {
    var merged: [HeldParcel] = []
    merged.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    var next = [Int](repeating: 0, count: parts.count)
    while true {
      var first = -1
      for partition in parts.indices where next[partition] < parts[partition].count {
        let purchase = parts[partition][next[partition]].purchase
        if first < 0 || purchase < parts[first][next[first]].purchase { first = partition }
      }
      guard first >= 0 else { return merged }
      let purchase = parts[first][next[first]].purchase
      while next[first] < parts[first].count && parts[first][next[first]].purchase == purchase {
        merged.append(parts[first][next[first]])
        next[first] += 1
      }
    }
  }
}

extension WashSaleEngine {
  /// What one sweep found, in its own order.
  struct SweepOutput {
    var result: EngineResult
    var prepareErrors: [InputError]
    var sweepErrors: [InputError]
    /// Every sale that has pieces, pairings, a window warning or an error, in the order the
    /// sweep took it.
    var saleLog: [SaleLogEntry]
  }

  /// Where a sale stood in its day's order when the sweep took it.
  struct SaleLogEntry {
    /// The sale (a book index).
    var sale: Int32
    /// The sale's date (a day number).
    var date: Int32
    /// The purchase order of the purchase its first shares came from, as far as it tells
    /// sales of different symbols apart; `Int32.max` throughout when there is none.
    var acquired: Int32
    var accountRank: Int32
    var symbolRank: Int32
    /// The first trade (a book index) of the sale's account and symbol.
    var holding: Int32

    /// Whether this sale is taken before `other`, a sale of another partition.
    func precedes(_ other: SaleLogEntry) -> Bool {
      if date != other.date { return date < other.date }
      if acquired != other.acquired { return acquired < other.acquired }
      if accountRank != other.accountRank { return accountRank < other.accountRank }
      if symbolRank != other.symbolRank { return symbolRank < other.symbolRank }
      return holding < other.holding
    }
  }
}
