/// Works out a tax-loss harvesting plan with the same lot matching and wash-sale engine as
/// the report, so that the sales it recommends show up on next year's forms exactly as
/// predicted.
///
/// The plan reads the history up to the plan date, finds the lots in harvestable taxable
/// accounts that are worth less than their wash-adjusted basis, checks each against the
/// purchases of the last 30 days, picks whole lots until the target loss is reached, and
/// then runs the report again with the recommended sales appended to measure them.
public enum HarvestPlanner {
  /// Builds the plan.
  ///
  /// - Parameters:
  ///   - book: every trade read from the trades file; trades after the plan date are ignored.
  ///   - settings: the plan date, prices, carryovers, rates and the other inputs.
  /// - Returns: the plan.
  /// - Throws: `InputErrors` for a history the report would reject (shares sold that were
  ///   not held, a spouse's account on a return without a spouse).
  public static func plan(
    _ book: TradeBook, _ settings: HarvestPlanSettings
  ) throws(InputErrors) -> HarvestPlan {
    let date = settings.date
    let history = TradeBook(
      file: book.file, trades: book.trades.filter { $0.date <= date },
      accounts: book.accounts, symbols: book.symbols,
      skippedFooterLines: book.skippedFooterLines)
    var warnings: [String] = []
    let later = book.trades.count - history.trades.count
    if later > 0 {
      warnings.append(
        "\(book.file): ignored \(later) trade(s) dated after \(date); the plan "
          + "uses the history up to its date")
    }
    let windowEnd = date.adding(days: WashSaleEngine.windowDays)
    let soon = book.trades.filter { $0.action == .buy && $0.date > date && $0.date <= windowEnd }
    if let first = soon.first {
      warnings.append(
        "\(book.file):\(first.line): \(soon.count) purchase(s) in the 30 days "
          + "after \(date) are in the file; they would wash planned sales of the same or "
          + "identical symbols, which this plan does not check")
    }

    let reportOptions = YearReportBuilder.Options(
      taxYear: date.year, filingStatus: settings.filingStatus, accounts: settings.accounts,
      identicalGroups: settings.identicalGroups, convention: settings.convention)
    let soFar = try YearReportBuilder.build(history, reportOptions)
    let before = schedule(soFar.rows, settings)
    let engine = try WashSaleEngine.run(
      history,
      WashSaleEngine.Configuration(
        accounts: settings.accounts, identicalGroups: settings.identicalGroups,
        convention: settings.convention, snapshotDay: date))

    var survey = LotSurvey(history: history, engine: engine, settings: settings)
    for symbol in survey.unpricedSymbols {
      warnings.append(
        "no price for \(symbol) in the prices file: its lots are left out of "
          + "the plan, never guessed")
    }
    let lossLimit = settings.filingStatus.capitalLossLimit
    let line7 = before.amount("7") ?? .zero
    let line15 = before.amount("15") ?? .zero
    let line16 = before.amount("16") ?? .zero
    let target = Money.max(.zero, line16 + lossLimit)
    survey.recommend(target: target, shortTermSoFar: line7)

    let sales = survey.plannedSales()
    let measured = try measure(sales, history: history, options: reportOptions)
    warnings += measured.warnings
    let after = schedule(measured.rows, settings)
    let plannedShort = after.amount("7") ?? .zero
    let plannedLong = after.amount("15") ?? .zero

    let saved = TaxSavingsEstimate.saved(
      from: TaxSavingsEstimate(shortTerm: line7, longTerm: line15, lossLimit: lossLimit),
      to: TaxSavingsEstimate(
        shortTerm: plannedShort, longTerm: plannedLong,
        lossLimit: lossLimit),
      ordinaryRate: settings.ordinaryRate, longTermRate: settings.longTermRate)

    return HarvestPlan(
      date: date, realizedShortTerm: line7, realizedLongTerm: line15, realizedNet: line16,
      lossLimit: lossLimit, targetLoss: target, lots: survey.candidateLots(),
      unpricedSymbols: survey.unpricedSymbols, sales: sales,
      recommendedShortTermLoss: measured.shortTermLoss,
      recommendedLongTermLoss: measured.longTermLoss,
      plannedShortTerm: plannedShort, plannedLongTerm: plannedLong,
      estimatedTaxSaved: saved,
      carriedForward: Money.max(.zero, -(plannedShort + plannedLong) - lossLimit),
      doNotBuy: doNotBuy(sales, history: history, settings: settings),
      warnings: warnings)
  }

  private static func schedule(
    _ rows: [Form8949Row], _ settings: HarvestPlanSettings
  )
    -> ScheduleD
  {
    ScheduleD.compute(
      ScheduleDInput(
        rows: rows, filingStatus: settings.filingStatus,
        shortTermCarryover: settings.shortTermCarryover,
        longTermCarryover: settings.longTermCarryover))
  }

  /// The report's view of the planned sales: the year's rows with the sales appended to
  /// the history, and the losses of the sales' own rows.
  private struct Measurement {
    var rows: [Form8949Row]
    var shortTermLoss = Money.zero
    var longTermLoss = Money.zero
    var warnings: [String] = []
  }

  private static func measure(
    _ sales: [PlannedSale], history: TradeBook, options: YearReportBuilder.Options
  ) throws(InputErrors) -> Measurement {
    var book = history
    let firstLine = (history.trades.map(\.line).max() ?? 1) + 1
    var ordinals: [HeldLot.Position: Int32] = [:]
    for trade in history.trades where trade.date == sales.first?.date {
      ordinals[HeldLot.Position(account: trade.account, symbol: trade.symbol), default: 0] += 1
    }
    for (offset, sale) in sales.enumerated() {
      let account = book.accounts.intern(sale.account)
      let symbol = book.symbols.intern(sale.symbol)
      let position = HeldLot.Position(account: account, symbol: symbol)
      let ordinal = ordinals[position, default: 0]
      ordinals[position] = ordinal + 1
      let asset = history.trades.first { $0.symbol == symbol }?.asset ?? .security
      book.trades.append(
        Trade(
          line: firstLine + offset, date: sale.date, account: account, action: .sell,
          symbol: symbol, quantity: sale.shares, price: sale.price, fees: .zero,
          amount: sale.proceeds,
          selector: sale.lotDate.map { .purchasedOn($0) } ?? .firstInFirstOut,
          form: asset.isDigitalAsset ? .form1099DA : .form1099B, asset: asset,
          dayOrdinal: ordinal))
    }
    let report = try YearReportBuilder.build(book, options)
    var measurement = Measurement(rows: report.rows)
    for row in report.rows where row.saleLine >= firstLine {
      let loss = -row.gainLoss
      if row.box.isLongTerm {
        measurement.longTermLoss += loss
      } else {
        measurement.shortTermLoss += loss
      }
      if !row.code.isEmpty {
        measurement.warnings.append(
          "the planned sale of \(row.symbol) in \(row.account) "
            + "would carry code \(row.code); check the plan's wash-sale findings")
      }
    }
    return measurement
  }

  private static func doNotBuy(
    _ sales: [PlannedSale], history: TradeBook, settings: HarvestPlanSettings
  ) -> [DoNotBuyEntry] {
    let safeDate = settings.date.adding(days: WashSaleEngine.windowDays + 1)
    var digital: Set<String> = []
    for trade in history.trades where !trade.asset.isWashSaleProperty {
      digital.insert(history.symbols[trade.symbol])
    }
    var symbols: Set<String> = []
    for sale in sales where !digital.contains(sale.symbol) {
      symbols.insert(sale.symbol)
      guard let group = settings.identicalGroups[sale.symbol] else { continue }
      for (member, memberGroup) in settings.identicalGroups where memberGroup == group {
        symbols.insert(member)
      }
    }
    return symbols.sorted().map {
      DoNotBuyEntry(symbol: $0, safeDate: safeDate, substitute: settings.substitutes[$0])
    }
  }
}
