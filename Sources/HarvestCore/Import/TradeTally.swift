/// What a trades reader keeps about the trades it accepts, as it accepts them, so that the
/// file's totals and each row's place in its day need no further pass over a million trades:
/// the shares bought and the day's row count by account and symbol, the sales and the money.
///
/// Each part of a split file keeps its own; the second is folded into the first when the
/// parts are joined. When the tally cannot answer (a file out of date order, or too many
/// accounts times symbols for its table), the reader makes the full pass instead.
struct TradeTally {
  private struct Slot {
    /// The day `rowsThatDay` counts, or `Int32.min` before any row.
    var day: Int32 = .min
    var rowsThatDay: Int32 = 0
    /// Shares bought, held at `sharesHeldLimit + 1` once past the limit.
    var bought: Int64 = 0
  }

  /// The most slots kept; the full pass keeps a table as large.
  let maximumSlots: Int

  /// Slots by symbol, then account: slot `symbol * accountStride + account`.
  private var slots: [Slot] = []
  /// Room for this many accounts per symbol, a power of two.
  private var accountStride = 4
  /// False once the table would pass `maximumSlots`: the tally then answers nothing.
  private(set) var usable = true
  /// Whether every trade so far is on or after the one before.
  private(set) var inDateOrder = true
  /// The first and the last trade's dates.
  private(set) var firstDay: Int32?
  private(set) var lastDay: Int32?
  private var sales = 0
  /// The sum of every trade's amount in cents, by magnitude.
  private var volume: Int128 = 0
  private var sharesPastLimit = false

  /// An empty tally keeping at most `maximumSlots` accounts times symbols.
  init(maximumSlots: Int = 1 << 22) {
    self.maximumSlots = maximumSlots
  }

  /// Counts `trade` and, while the trades are in date order, sets its day ordinal.
  @inline(__always)
  mutating func add(_ trade: inout Trade) {
    let day = trade.date.dayNumber
    if let lastDay, day < lastDay { inDateOrder = false }
    if firstDay == nil { firstDay = day }
    lastDay = day
    volume += Int128(trade.amount.cents.magnitude)
    let isSale = trade.action == .sell
    if isSale { sales += 1 }
    guard usable, let slot = slotIndex(trade.account, trade.symbol) else { return }
    if inDateOrder {
      if slots[slot].day != day {
        slots[slot].day = day
        slots[slot].rowsThatDay = 0
      }
      trade.dayOrdinal = slots[slot].rowsThatDay
      slots[slot].rowsThatDay += 1
    }
    if !isSale { addBought(trade.quantity.units, at: slot) }
  }

  /// Whether the totals are known to pass the reader's limits; false when they fail or the
  /// tally cannot tell, and the full check must find the line that fails.
  var totalsPass: Bool {
    usable && !sharesPastLimit
      && Int128(sales + 1) * volume <= TradeFileReader.moneySumLimit
  }

  /// Whether every trade added got its day ordinal.
  var ordinalsAssigned: Bool { usable && inDateOrder }

  /// Folds in the tally of the part read after this one, whose `count` trades at `trades`
  /// already name accounts and symbols by this part's indexes (`accountMap` and `symbolMap`
  /// translate the later part's own).
  ///
  /// Rows of the later part on this part's last day, when the file is in date order, are
  /// numbered on after this part's rows of their day.
  mutating func append(
    _ later: TradeTally, accountMap: [Int32], symbolMap: [Int32],
    trades: UnsafeMutablePointer<Trade>, count: Int
  ) {
    guard usable && later.usable else {
      usable = false
      return
    }
    var meets = true
    if let lastDay, let next = later.firstDay { meets = lastDay <= next }
    let ordered = inDateOrder && later.inDateOrder && meets
    if ordered, let lastDay {
      var index = 0
      while index < count && trades[index].date.dayNumber == lastDay {
        if let slot = existingSlot(trades[index].account, trades[index].symbol),
          slots[slot].day == lastDay
        {
          trades[index].dayOrdinal += slots[slot].rowsThatDay
        }
        index += 1
      }
    }
    inDateOrder = ordered
    firstDay = firstDay ?? later.firstDay
    lastDay = later.lastDay ?? lastDay
    sales += later.sales
    volume += later.volume
    sharesPastLimit = sharesPastLimit || later.sharesPastLimit

    for symbol in 0..<later.slots.count / later.accountStride {
      for account in 0..<later.accountStride {
        let bought = later.slots[symbol * later.accountStride + account].bought
        guard bought > 0 else { continue }
        guard let slot = slotIndex(accountMap[account], symbolMap[symbol]) else { return }
        addBought(bought, at: slot)
      }
    }
  }

  @inline(__always)
  private mutating func addBought(_ shares: Int64, at slot: Int) {
    // Both are at most the limit + 1, so the sum cannot overflow.
    let total = min(slots[slot].bought + shares, TradeFileReader.sharesHeldLimit + 1)
    slots[slot].bought = total
    if total > TradeFileReader.sharesHeldLimit { sharesPastLimit = true }
  }

  /// The slot of an account and symbol, made when new; nil (and the tally unusable) when the
  /// table would grow past `maximumSlots`.
  @inline(__always)
  private mutating func slotIndex(_ account: Int32, _ symbol: Int32) -> Int? {
    if let slot = existingSlot(account, symbol) { return slot }
    return grow(toHold: Int(account), Int(symbol))
  }

  /// Grows the table to hold an account and symbol, and returns their slot.
  @inline(never)
  private mutating func grow(toHold account: Int, _ symbol: Int) -> Int? {
    var stride = accountStride
    while stride <= account && stride <= maximumSlots { stride *= 2 }
    let oldRows = slots.count / accountStride
    let wanted = symbol < oldRows ? oldRows : max(symbol + 1, oldRows * 2, 16)
    let rows = min(wanted, maximumSlots / stride)
    guard rows > symbol && rows >= oldRows else {
      usable = false
      return nil
    }
    var grown = [Slot](repeating: Slot(), count: stride * rows)
    for row in 0..<oldRows {
      for column in 0..<accountStride {
        grown[row * stride + column] = slots[row * accountStride + column]
      }
    }
    slots = grown
    accountStride = stride
    return symbol * stride + account
  }

  /// The slot of an account and symbol if the table has one.
  @inline(__always)
  private func existingSlot(_ account: Int32, _ symbol: Int32) -> Int? {
    let account = Int(account), symbol = Int(symbol)
    guard account < accountStride && symbol < slots.count / accountStride else { return nil }
    return symbol * accountStride + account
  }
}
