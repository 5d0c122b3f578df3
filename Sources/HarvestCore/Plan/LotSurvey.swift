/// The lots held on the plan date, their wash-sale blockers, and the choice of lots to sell.
struct LotSurvey {
  private let history: TradeBook
  private let settings: HarvestPlanSettings
  private var lots: [HeldLot] = []
  /// Per lot: its value on the plan date, or nil when unpriced or not harvestable.
  private var values: [Money?] = []
  /// Per lot: the purchases that would wash its loss.
  private var blockers: [[Int32]] = []
  /// Per buy row (trade index): shares that can still replace sold shares.
  private var replaceable: [Int32: Shares] = [:]
  private var lotsOfPosition: [HeldLot.Position: [Int]] = [:]
  private var chosen: [Int] = []
  private var isChosen: [Bool] = []
  private(set) var unpricedSymbols: [String] = []

  init(history: TradeBook, engine: EngineResult, settings: HarvestPlanSettings) {
    self.history = history
    self.settings = settings
    gather(engine)
    findBlockers()
  }

  // MARK: Gathering

  private mutating func gather(_ engine: EngineResult) {
    struct Key: Hashable {
      var position: HeldLot.Position
      var lotDate: CivilDate
    }
    var indexOfKey: [Key: Int] = [:]
    for held in engine.heldAtSnapshot {
      let trade = history.trades[Int(held.purchase)]
      guard trade.date <= settings.date, held.parcel.shares > .zero else { continue }
      if held.parcel.originSale < 0 && trade.acquired == nil {
        replaceable[held.purchase, default: .zero] += held.parcel.shares
      }
      let key = Key(
        position: HeldLot.Position(account: trade.account, symbol: trade.symbol),
        lotDate: HeldLot.lotDate(of: trade))
      let index: Int
      if let existing = indexOfKey[key] {
        index = existing
      } else {
        index = lots.count
        indexOfKey[key] = index
        lots.append(HeldLot(account: trade.account, symbol: trade.symbol, lotDate: key.lotDate))
      }
      lots[index].shares += held.parcel.shares
      lots[index].basis += held.parcel.basis
      lots[index].holdings.append(held.parcel.holding)
      lots[index].purchases.insert(held.purchase)
    }
    lots.sort { a, b in
      let accountA = history.accounts[a.account], accountB = history.accounts[b.account]
      if accountA != accountB { return accountA < accountB }
      let symbolA = history.symbols[a.symbol], symbolB = history.symbols[b.symbol]
      if symbolA != symbolB { return symbolA < symbolB }
      return a.lotDate < b.lotDate
    }

    var unpriced: Set<String> = []
    for (index, lot) in lots.enumerated() {
      lotsOfPosition[lot.position, default: []].append(index)
      let symbol = history.symbols[lot.symbol]
      guard isHarvestable(lot.account) else {
        values.append(nil)
        continue
      }
      guard let price = settings.prices[symbol] else {
        unpriced.insert(symbol)
        values.append(nil)
        continue
      }
      values.append(price.extended(lot.shares, plus: .zero))
    }
    unpricedSymbols = unpriced.sorted()
    isChosen = Array(repeating: false, count: lots.count)
  }

  /// Whether losses in the account count on this return: a taxable account of the filer,
  /// or of the spouse on a joint return.
  private func isHarvestable(_ account: Int32) -> Bool {
    let name = history.accounts[account]
    let owner = settings.accounts[name] ?? Account(name: name)
    return owner.kind.isTaxable
      && (owner.owner == .self || settings.filingStatus.reportsSpouseSales)
  }

  /// The wash-sale group of a symbol, or nil for digital assets, which the rule skips.
  private func washGroup(_ symbol: Int32, digital: Set<Int32>) -> String? {
    guard !digital.contains(symbol) else { return nil }
    let name = history.symbols[symbol]
    return settings.identicalGroups[name].map { "group:" + $0 } ?? "symbol:" + name
  }

  private mutating func findBlockers() {
    var digital: Set<Int32> = []
    for trade in history.trades where !trade.asset.isWashSaleProperty {
      digital.insert(trade.symbol)
    }
    let windowStart = settings.date.adding(days: -WashSaleEngine.windowDays)
    var recentByGroup: [String: [Int32]] = [:]
    for (index, trade) in history.trades.enumerated()
    where trade.action == .buy && trade.date >= windowStart && trade.date <= settings.date {
      guard let shares = replaceable[Int32(index)], shares > .zero,
        let group = washGroup(trade.symbol, digital: digital)
      else { continue }
      recentByGroup[group, default: []].append(Int32(index))
    }
    blockers = lots.map { lot in
      guard let group = washGroup(lot.symbol, digital: digital) else { return [] }
      return (recentByGroup[group] ?? []).filter { !lot.purchases.contains($0) }
    }
  }

  // MARK: Choosing

  /// A set of lots that can be added to the plan together.
  private struct Move {
    var lots: [Int]
    var loss: Money
    var shortTermLoss: Money
    var isShortTerm: Bool
  }

  private func loss(_ index: Int) -> Money? {
    values[index].map { lots[index].basis - $0 }
  }

  private func isCandidate(_ index: Int) -> Bool {
    (loss(index) ?? .zero) > .zero
  }

  /// Whether every purchase that blocks a lot of the position is in the position itself,
  /// so that selling every share in one sale clears them all.
  private func clearsItself(_ position: HeldLot.Position) -> Bool {
    for index in lotsOfPosition[position] ?? [] {
      for purchase in blockers[index] {
        let trade = history.trades[Int(purchase)]
        if trade.account != position.account || trade.symbol != position.symbol { return false }
      }
    }
    return true
  }

  private func move(_ indexes: [Int]) -> Move? {
    var total = Money.zero, shortTerm = Money.zero, longTerm = Money.zero
    for index in indexes {
      guard let lotLoss = loss(index) else { return nil }
      total += lotLoss
      if lots[index].isLongTerm(on: settings.date) {
        longTerm += lotLoss
      } else {
        shortTerm += lotLoss
      }
    }
    guard total > .zero else { return nil }
    return Move(
      lots: indexes, loss: total, shortTermLoss: shortTerm,
      isShortTerm: shortTerm > .zero && shortTerm >= longTerm)
  }

  private func moves() -> [Move] {
    var result: [Move] = []
    for index in lots.indices where !isChosen[index] && isCandidate(index) {
      if blockers[index].isEmpty, let single = move([index]) { result.append(single) }
    }
    for (position, indexes) in lotsOfPosition {
      let open = indexes.filter { !isChosen[$0] }
      guard open.contains(where: { isCandidate($0) && !blockers[$0].isEmpty }),
        clearsItself(position), let whole = move(open)
      else { continue }
      result.append(whole)
    }
    return result
  }

  /// Whether `a` comes before `b`: short-term first while line 7 is still a gain, then the
  /// larger loss, then account, symbol and purchase date.
  private func precedes(_ a: Move, _ b: Move, preferShortTerm: Bool) -> Bool {
    if preferShortTerm && a.isShortTerm != b.isShortTerm { return a.isShortTerm }
    if a.loss != b.loss { return a.loss > b.loss }
    let lotA = lots[a.lots[0]], lotB = lots[b.lots[0]]
    let accountA = history.accounts[lotA.account], accountB = history.accounts[lotB.account]
    if accountA != accountB { return accountA < accountB }
    let symbolA = history.symbols[lotA.symbol], symbolB = history.symbols[lotB.symbol]
    if symbolA != symbolB { return symbolA < symbolB }
    if lotA.lotDate != lotB.lotDate { return lotA.lotDate < lotB.lotDate }
    return a.lots.count < b.lots.count
  }

  /// Picks whole lots until their losses reach `target`; the last may overshoot.
  mutating func recommend(target: Money, shortTermSoFar: Money) {
    var harvested = Money.zero
    var shortTerm = shortTermSoFar
    while harvested < target {
      let preferShortTerm = shortTerm > .zero
      let candidates = moves()
      guard var best = candidates.first else { break }
      for candidate in candidates.dropFirst()
      where precedes(candidate, best, preferShortTerm: preferShortTerm) {
        best = candidate
      }
      for index in best.lots {
        isChosen[index] = true
        chosen.append(index)
      }
      harvested += best.loss
      shortTerm -= best.shortTermLoss
    }
  }

  // MARK: Results

  /// The sales: one row per chosen lot, or one first-in-first-out row for a position whose
  /// every lot is sold, so that its recent purchases leave in the same sale as the rest.
  func plannedSales() -> [PlannedSale] {
    var sales: [PlannedSale] = []
    var done: Set<HeldLot.Position> = []
    for index in chosen.sorted() {
      let lot = lots[index]
      let symbol = history.symbols[lot.symbol]
      guard let price = settings.prices[symbol], !done.contains(lot.position) else { continue }
      let members = lotsOfPosition[lot.position] ?? []
      let asset = history.trades.first { $0.symbol == lot.symbol }?.asset ?? .security
      if members.count > 1 && members.allSatisfy({ isChosen[$0] }) {
        done.insert(lot.position)
        var shares = Shares.zero
        for member in members { shares += lots[member].shares }
        sales.append(
          PlannedSale(
            date: settings.date, account: history.accounts[lot.account], symbol: symbol,
            shares: shares, price: price, lotDate: nil, asset: asset))
      } else {
        sales.append(
          PlannedSale(
            date: settings.date, account: history.accounts[lot.account], symbol: symbol,
            shares: lot.shares, price: price, lotDate: lot.lotDate, asset: asset))
      }
    }
    return sales
  }

  /// The candidate lots: those recommended in the order chosen, then the rest by account,
  /// symbol and date.
  func candidateLots() -> [CandidateLot] {
    let order =
      chosen.filter(isCandidate)
      + lots.indices.filter { !isChosen[$0] && isCandidate($0) }
    return order.map(candidateLot)
  }

  private func candidateLot(_ index: Int) -> CandidateLot {
    let lot = lots[index]
    var washedBy: [WashBlocker] = []
    if !isChosen[index] {
      washedBy = blockers[index].map { purchase in
        let trade = history.trades[Int(purchase)]
        let account = history.accounts[trade.account]
        return WashBlocker(
          account: account, symbol: history.symbols[trade.symbol], date: trade.date,
          shares: replaceable[purchase] ?? .zero,
          accountKind: settings.accounts[account]?.kind ?? .taxable)
      }
    }
    var candidate = CandidateLot(
      account: history.accounts[lot.account], symbol: history.symbols[lot.symbol],
      lotDate: lot.lotDate, shares: lot.shares, basis: lot.basis, value: values[index] ?? .zero,
      isLongTerm: lot.isLongTerm(on: settings.date),
      daysToLongTerm: lot.daysToLongTerm(from: settings.date), washedBy: washedBy,
      recommended: isChosen[index])
    if !washedBy.isEmpty {
      candidate.fix = fix(for: index, washedBy)
    }
    return candidate
  }

  private func fix(for index: Int, _ washedBy: [WashBlocker]) -> String {
    let lot = lots[index]
    let clears = washedBy.map(\.clearsOn).max() ?? settings.date
    var wait =
      "wait until \(clears), when the last of these purchases is more than 30 days "
      + "before the sale"
    if clears.year > settings.date.year {
      wait += " (a sale then counts in \(clears.year))"
    }
    guard clearsItself(lot.position) else {
      let permanent = washedBy.contains { !$0.accountKind.isTaxable }
      return (permanent ? "an IRA or Roth purchase would disallow the loss for good; " : "")
        + wait
    }
    var shares = Shares.zero
    for member in lotsOfPosition[lot.position] ?? [] { shares += lots[member].shares }
    return "sell all \(shares) shares of \(history.symbols[lot.symbol]) in "
      + "\(history.accounts[lot.account]) in one sale, recent purchases included, or " + wait
  }
}
