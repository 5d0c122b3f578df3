import Dispatch

/// Trades written in place into memory reserved for them.
struct TradeOutput {
  /// Where the first trade goes.
  let base: UnsafeMutablePointer<Trade>
  /// How many trades fit.
  let capacity: Int
  /// How many trades have been written.
  var count = 0

  mutating func append(_ trade: consuming Trade) {
    // The capacity counts every line break, and a record ends at one or at the end.
    precondition(count < capacity, "more trade rows than lines")
    (base + count).initialize(to: trade)
    count += 1
  }
}

/// Reading a trades file in two parts on two cores: the data lines are cut at a line start
/// near the middle, each part is read into its own stretch of one array of trades, and the
/// parts' names, errors and footers are joined as one pass over the file would have found
/// them.
enum TradeFileSplit {
  /// The smallest data section worth splitting.
  static let minimumBytes = 1 << 20

  /// Where the second part starts.
  struct Plan {
    /// The offset of the second part, the start of a line.
    var offset: Int
    /// The line number there.
    var line: Int
    /// The most trades the first part can hold (its line count).
    var firstCapacity: Int
  }

  /// Where to split the data lines that start at `start` (on `line`), if anywhere, and how
  /// many trades the whole file can hold.
  ///
  /// The split is unsafe, and not made, when a double quote comes before it (a quoted field
  /// could run across it); the second part may hold quotes, since it is read to the end.
  static func layout(
    _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, line: Int, splitAt: Int?
  ) -> (split: Plan?, capacity: Int) {
    let end = buffer.count
    let target: Int
    if let splitAt {
      target = max(splitAt, start)
    } else if end - start >= minimumBytes {
      target = start + (end - start) / 2
    } else {
      target = end
    }
    var offset = max(target - 1, start)
    while offset < end && buffer[offset] != 10 { offset += 1 }
    offset += 1
    guard offset > start && offset < end else {
      return (nil, breaks(buffer, from: start, to: end).count + 1)
    }

    let first = breaks(buffer, from: start, to: offset)
    let second = breaks(buffer, from: offset, to: end)
    let capacity = first.count + second.count + 1
    guard first.quotes == 0 else { return (nil, capacity) }
    // CSV counts CR LF as one line break and a CR alone as one.
    let lines = first.count - (first.carriageReturns == 0 ? 0 : pairs(buffer, start, offset))
    return (Plan(offset: offset, line: line + lines, firstCapacity: lines), capacity)
  }

  /// Line feeds and carriage returns (`count`), carriage returns and double quotes.
  static func breaks(
    _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
  ) -> (count: Int, carriageReturns: Int, quotes: Int) {
    var lineFeeds = 0
    var carriageReturns = 0
    var quotes = 0
    var index = start
    // Thirty-two bytes at a time, in vector registers: a file of a million trades is counted
    // in a couple of milliseconds. A lane of a comparison's mask is all ones where it holds,
    // so subtracting the mask adds one to that lane's count; a lane counts at most 255
    // blocks before the counts are added up.
    if let base = buffer.baseAddress {
      typealias Block = SIMD32<UInt8>
      let raw = UnsafeRawPointer(base)
      let lineFeed = Block(repeating: 10), carriageReturn = Block(repeating: 13)
      let quote = Block(repeating: 34)
      while index + Block.scalarCount <= end {
        var lineFeedLanes = Block(), carriageReturnLanes = Block(), quoteLanes = Block()
        var blocks = 0
        while blocks < 255 && index + Block.scalarCount <= end {
          let block = raw.loadUnaligned(fromByteOffset: index, as: Block.self)
          lineFeedLanes &-= unsafeBitCast(block .== lineFeed, to: Block.self)
          carriageReturnLanes &-= unsafeBitCast(block .== carriageReturn, to: Block.self)
          quoteLanes &-= unsafeBitCast(block .== quote, to: Block.self)
          index += Block.scalarCount
          blocks += 1
        }
        lineFeeds += Int(SIMD32<UInt16>(truncatingIfNeeded: lineFeedLanes).wrappedSum())
        carriageReturns += Int(
          SIMD32<UInt16>(truncatingIfNeeded: carriageReturnLanes).wrappedSum())
        quotes += Int(SIMD32<UInt16>(truncatingIfNeeded: quoteLanes).wrappedSum())
      }
    }
    for offset in index..<end {
      let byte = buffer[offset]
      lineFeeds += byte == 10 ? 1 : 0
      carriageReturns += byte == 13 ? 1 : 0
      quotes += byte == 34 ? 1 : 0
    }
    return (lineFeeds + carriageReturns, carriageReturns, quotes)
  }

  /// How many CR LF pairs lie in `start..<end`.
  private static func pairs(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    var count = 0
    for index in start..<(end - 1) where buffer[index] == 13 && buffer[index + 1] == 10 {
      count += 1
    }
    return count
  }

  /// Reads the data lines in two parts on two cores into the trades at `base`, which has
  /// room for `capacity` trades, and joins them.
  ///
  /// - Returns: the reader holding the joined names, errors and footers, and how many
  ///   trades were written; or nil, with nothing written, when the parts disagree in a way
  ///   only one pass can settle (a symbol given different asset kinds across the split).
  static func readInTwo(
    _ head: TradeFileReader, _ columns: TradeFileReader.Columns, _ plan: Plan,
    into base: UnsafeMutablePointer<Trade>, capacity: Int
  ) -> (reader: TradeFileReader, count: Int)? {
    let end = head.reader.bytes.count
    var readers = [head, head.part(from: plan.offset, line: plan.line)]
    var outputs = [
      TradeOutput(base: base, capacity: plan.firstCapacity),
      TradeOutput(base: base + plan.firstCapacity, capacity: capacity - plan.firstCapacity),
    ]
    readers.withUnsafeMutableBufferPointer { readers in
      outputs.withUnsafeMutableBufferPointer { outputs in
        // Each worker reads into its own reader and trades only.
        let readerSlots = DisjointSlots(base: readers.baseAddress!)
        let outputSlots = DisjointSlots(base: outputs.baseAddress!)
        ParallelWork.forEach(2) { index in
          readerSlots.base[index].readRows(
            to: index == 0 ? plan.offset : end, columns, into: &outputSlots.base[index])
        }
      }
    }
    var first = readers[0]
    let second = readers[1]
    let (written, moved) = (outputs[0].count, outputs[1].count)

    let symbolMap = second.symbols.names.map { first.symbols.intern($0) }
    let conflict = second.assetOfSymbol.indices.contains { local in
      let global = Int(symbolMap[local])
      guard let (kind, _) = second.assetOfSymbol[local], global < first.assetOfSymbol.count,
        let (firstKind, _) = first.assetOfSymbol[global]
      else { return false }
      return kind != firstKind
    }
    if conflict || second.reportedAssetConflict {
      base.deinitialize(count: written)
      outputs[1].base.deinitialize(count: moved)
      return nil
    }
    let accountMap = second.accounts.names.map { first.accounts.intern($0) }

    if written < plan.firstCapacity {
      (base + written).moveInitialize(from: outputs[1].base, count: moved)
    }
    let identity = { (map: [Int32]) in map.indices.allSatisfy { map[$0] == Int32($0) } }
    if !identity(symbolMap) || !identity(accountMap) {
      for index in written..<(written + moved) {
        base[index].account = accountMap[Int(base[index].account)]
        base[index].symbol = symbolMap[Int(base[index].symbol)]
      }
    }
    first.tally.append(
      second.tally, accountMap: accountMap, symbolMap: symbolMap, trades: base + written,
      count: moved)

    // Footers pending at the split become errors at the second part's first trade row.
    var errors = first.errors
    if let cut = second.errorsBeforeFirstRow {
      errors += second.errors[..<cut]
      errors += first.footerLines.map { first.footerError($0, columns) }
      errors += second.errors[cut...]
      first.footerLines = second.footerLines
    } else {
      errors += second.errors
      first.footerLines += second.footerLines
    }
    first.truncated =
      first.truncated || second.truncated || errors.count > TradeFileReader.errorLimit
    first.errors = Array(errors.prefix(TradeFileReader.errorLimit))
    return (first, written + moved)
  }
}
