/// Reads a `trades.csv` file: one header row naming the columns in any order, then one row
/// per purchase or sale.
///
/// Mandatory columns: `date`, `account`, `action`, `symbol`, `quantity`, `price`, `fees`.
/// Optional: `lot`, `acquired`, `basis`, `description`, `form`, `basis_reported`, `asset`.
/// Lines before the header are a preamble and are skipped; a footer such as `Total,,,,,,`
/// after the data is skipped and named. Every problem is collected, up to `errorLimit`.
public struct TradeFileReader {
  /// The columns every trades file must have.
  public static let mandatoryColumns = [
    "date", "account", "action", "symbol", "quantity", "price", "fees",
  ]
  /// The columns Harvest reads when present.
  public static let optionalColumns = [
    "lot", "acquired", "basis", "description", "form", "basis_reported", "asset",
  ]
  /// How many errors are listed before the reader stops collecting.
  public static let errorLimit = 50

  static let quantityRules = DecimalText.Rules(
    decimals: 8, allowsDollarSign: false, limit: 10_000_000_000 * Shares.scale)
  static let priceRules = DecimalText.Rules(
    decimals: 6, allowsDollarSign: true, limit: 1_000_000_000 * Price.scale)
  static let moneyRules = DecimalText.Rules(
    decimals: 2, allowsDollarSign: true, limit: 1_000_000_000_000)
  /// The largest cost or proceeds of one trade: ten billion dollars, in cents.
  static let amountLimit: Int64 = 1_000_000_000_000

  private let file: String
  private var reader: CSVReader
  private var errors: [InputError] = []
  private var truncated = false

  /// Reads `bytes`, naming `file` in every message.
  ///
  /// - Throws: `InputErrors` listing every problem found.
  public static func read(bytes: [UInt8], file: String) throws(InputErrors) -> TradeBook {
    var instance = TradeFileReader(file: file, reader: CSVReader(bytes: bytes))
    return try instance.readAll()
  }

  private init(file: String, reader: CSVReader) {
    self.file = file
    self.reader = reader
  }

  private struct Columns {
    var indexes: [String: Int] = [:]
    var firstMandatory = 0
    subscript(_ name: String) -> Int? { indexes[name] }
  }

  private mutating func readAll() throws(InputErrors) -> TradeBook {
    var fields: [CSVReader.Field] = []
    var columns: Columns?
    var accounts = NameTable()
    var symbols = NameTable()
    var trades: [Trade] = []
    var footerLines: [Int] = []
    var assetOfSymbol: [Int32: (AssetKind, Int)] = [:]

    while true {
      let line: Int
      do {
        guard let next = try reader.next(into: &fields) else { break }
        line = next
      } catch {
        report(InputError(file: file, line: error.line, column: nil, found: nil,
                          expected: error.message))
        break
      }
      if fields.allSatisfy({ reader.isBlank($0) }) { continue }

      guard let known = columns else {
        columns = headerColumns(fields, line: line)
        continue
      }
      if isFooter(fields, known) {
        footerLines.append(line)
        continue
      }
      if let first = footerLines.first {
        report(InputError(
          file: file, line: first, column: nil, found: nil,
          expected: "a trade row; this line has only its first column filled, which is "
            + "allowed only in a footer after the last trade"))
        footerLines.removeAll()
      }
      if let trade = parseRow(fields, line: line, known, &accounts, &symbols) {
        if let (kind, firstLine) = assetOfSymbol[trade.symbol], kind != trade.asset {
          report(InputError(
            file: file, line: line, column: "asset", found: trade.asset.rawValue,
            expected: "\(kind.rawValue), as line \(firstLine) says for \(symbols[trade.symbol])"))
        } else if assetOfSymbol[trade.symbol] == nil {
          assetOfSymbol[trade.symbol] = (trade.asset, line)
        }
        trades.append(trade)
      }
      if truncated { break }
    }

    if columns == nil && errors.isEmpty {
      report(InputError(
        file: file, line: nil, column: nil, found: nil,
        expected: "a header line naming the columns "
          + TradeFileReader.mandatoryColumns.joined(separator: ", ")
          + "; no line names them all"))
    }
    if !errors.isEmpty { throw InputErrors(errors, truncated: truncated) }
    assignDayOrdinals(&trades)
    return TradeBook(file: file, trades: trades, accounts: accounts, symbols: symbols,
                     skippedFooterLines: footerLines)
  }

  private mutating func report(_ error: InputError) {
    if errors.count >= TradeFileReader.errorLimit {
      truncated = true
      return
    }
    errors.append(error)
  }

  /// Returns the columns when this line names every mandatory one, else nil (a preamble line).
  private mutating func headerColumns(_ fields: [CSVReader.Field], line: Int) -> Columns? {
    var found = Columns()
    var duplicates: [String] = []
    for (index, field) in fields.enumerated() {
      guard let name = reader.trimmedText(of: field)?.lowercased(), !name.isEmpty else { continue }
      let known = TradeFileReader.mandatoryColumns.contains(name)
        || TradeFileReader.optionalColumns.contains(name)
      guard known else { continue }
      if found.indexes[name] != nil { duplicates.append(name) }
      found.indexes[name] = index
    }
    guard TradeFileReader.mandatoryColumns.allSatisfy({ found.indexes[$0] != nil }) else {
      return nil
    }
    for name in duplicates {
      report(InputError(file: file, line: line, column: name, found: nil,
                        expected: "each column named once in the header; '\(name)' appears twice"))
    }
    found.firstMandatory = TradeFileReader.mandatoryColumns.compactMap { found.indexes[$0] }.min()!
    return found
  }

  private func isFooter(_ fields: [CSVReader.Field], _ columns: Columns) -> Bool {
    for name in TradeFileReader.mandatoryColumns {
      let index = columns.indexes[name]!
      if index == columns.firstMandatory { continue }
      if index < fields.count && !reader.isBlank(fields[index]) { return false }
    }
    return true
  }

  // MARK: Fields

  private struct Row {
    var fields: [CSVReader.Field]
    var line: Int
    var columns: Columns
  }

  private mutating func text(_ row: Row, _ column: String) -> String? {
    guard let index = row.columns[column] else { return nil }
    guard index < row.fields.count else { return "" }
    guard let text = reader.trimmedText(of: row.fields[index]) else {
      report(InputError(file: file, line: row.line, column: column, found: nil,
                        expected: "text in UTF-8; this field holds bytes that are not UTF-8"))
      return nil
    }
    return text
  }

  private mutating func fail(_ row: Row, _ column: String, _ found: String?, _ expected: String) {
    report(InputError(file: file, line: row.line, column: column, found: found,
                      expected: expected))
  }

  private mutating func number(
    _ row: Row, _ column: String, _ rules: DecimalText.Rules, what: String
  ) -> Int64? {
    guard let raw = text(row, column) else { return nil }
    do {
      return try DecimalText.parse(raw, rules)
    } catch {
      let detail: String
      switch error {
      case .empty: detail = what
      case .notANumber: detail = what
      case .tooManyDecimals(let allowed): detail = "\(what), with at most \(allowed) decimals"
      case .tooLarge: detail = "\(what) of a realistic size"
      case .badThousandsSeparator: detail = "\(what); commas must separate groups of 3 digits"
      }
      fail(row, column, raw, detail)
      return nil
    }
  }

  private mutating func parseRow(
    _ fields: [CSVReader.Field], line: Int, _ columns: Columns,
    _ accounts: inout NameTable, _ symbols: inout NameTable
  ) -> Trade? {
    let row = Row(fields: fields, line: line, columns: columns)
    let errorsBefore = errors.count + (truncated ? 1 : 0)

    let dateText = text(row, "date") ?? ""
    let date = CivilDate(iso: dateText)
    if date == nil {
      fail(row, "date", dateText, "a real calendar date written YYYY-MM-DD")
    }

    let accountName = text(row, "account") ?? ""
    if accountName.isEmpty { fail(row, "account", nil, "an account name; the field is empty") }

    let actionText = text(row, "action") ?? ""
    var action: TradeAction?
    switch actionText.lowercased() {
    case "buy": action = .buy
    case "sell": action = .sell
    default:
      let note = actionText.isEmpty ? "" : " (splits, symbol changes, dividends and other "
        + "actions are not supported yet)"
      fail(row, "action", actionText, "buy or sell" + note)
    }

    let symbolName = (text(row, "symbol") ?? "").uppercased()
    if symbolName.isEmpty { fail(row, "symbol", nil, "a symbol; the field is empty") }

    let quantityUnits = number(row, "quantity", Self.quantityRules,
                               what: "a number of shares greater than zero")
    if let units = quantityUnits, units <= 0 {
      fail(row, "quantity", text(row, "quantity"), "a number of shares greater than zero")
    }
    let priceMicros = number(row, "price", Self.priceRules,
                             what: "a price per share of zero or more")
    if let micros = priceMicros, micros < 0 {
      fail(row, "price", text(row, "price"), "a price per share of zero or more")
    }
    var feeCents: Int64? = 0
    if let raw = text(row, "fees"), !raw.isEmpty {
      feeCents = number(row, "fees", Self.moneyRules, what: "fees in dollars of zero or more")
      if let cents = feeCents, cents < 0 {
        fail(row, "fees", raw, "fees in dollars of zero or more")
      }
    }

    let lotText = text(row, "lot") ?? ""
    var selector = LotSelector.firstInFirstOut
    var lotName: String?
    if !lotText.isEmpty {
      if action == .sell {
        if let day = CivilDate(iso: lotText) {
          selector = .purchasedOn(day)
        } else if lotText.first?.isNumber == true && lotText.contains("-") {
          fail(row, "lot", lotText, "a lot name, or a real purchase date written YYYY-MM-DD")
        } else {
          selector = .named(lotText)
        }
      } else {
        lotName = lotText
      }
    }

    var acquired: HoldingStart?
    let acquiredText = text(row, "acquired") ?? ""
    if !acquiredText.isEmpty {
      if action == .sell {
        fail(row, "acquired", acquiredText, "nothing on a sell; acquisition dates belong to buys")
      } else if acquiredText.uppercased() == "INHERITED" {
        acquired = .inherited
      } else if let day = CivilDate(iso: acquiredText) {
        if let date, day > date {
          fail(row, "acquired", acquiredText, "a date on or before the trade date \(date)")
        }
        acquired = .date(day)
      } else {
        fail(row, "acquired", acquiredText, "a real date written YYYY-MM-DD, or INHERITED")
      }
    }

    var basis: Money?
    if let raw = text(row, "basis"), !raw.isEmpty {
      if action == .sell {
        fail(row, "basis", raw, "nothing on a sell; a basis belongs to a buy")
      } else if let cents = number(row, "basis", Self.moneyRules,
                                   what: "a total basis in dollars of zero or more") {
        if cents < 0 {
          fail(row, "basis", raw, "a total basis in dollars of zero or more")
        } else {
          basis = Money(cents: cents)
        }
      }
    }

    let description = text(row, "description").flatMap { $0.isEmpty ? nil : $0 }
    let routing = parseRouting(row)

    guard errors.count + (truncated ? 1 : 0) == errorsBefore, let date, let action,
      let quantityUnits, let priceMicros, let feeCents, let routing
    else { return nil }

    let quantity = Shares(units: quantityUnits)
    let price = Price(micros: priceMicros)
    let fees = Money(cents: feeCents)
    let amount: Money
    switch action {
    case .buy: amount = basis ?? price.extended(quantity, plus: fees)
    case .sell: amount = price.extended(quantity, plus: -fees)
    }
    guard amount.cents.magnitude <= UInt64(Self.amountLimit) else {
      fail(row, "quantity", text(row, "quantity"),
           "a trade worth at most $10,000,000,000.00; quantity × price is larger")
      return nil
    }

    return Trade(
      line: line, date: date, account: accounts.intern(accountName), action: action,
      symbol: symbols.intern(symbolName), quantity: quantity, price: price, fees: fees,
      amount: amount, lotName: lotName, selector: selector,
      acquired: acquired ?? (basis != nil ? .date(date) : nil), description: description,
      form: routing.form, basisReported: routing.basisReported, asset: routing.asset)
  }

  private mutating func parseRouting(
    _ row: Row
  ) -> (form: InformationReturn, basisReported: Bool, asset: AssetKind)? {
    var valid = true
    let formText = (text(row, "form") ?? "").uppercased()
    var form = InformationReturn.form1099B
    switch formText {
    case "", "1099-B", "1099B": form = .form1099B
    case "1099-DA", "1099DA": form = .form1099DA
    case "NONE": form = .none
    default:
      fail(row, "form", formText, "1099-B, 1099-DA or none")
      valid = false
    }

    let reportedText = (text(row, "basis_reported") ?? "").lowercased()
    var basisReported = true
    switch reportedText {
    case "", "yes", "y", "true": basisReported = true
    case "no", "n", "false": basisReported = false
    default:
      fail(row, "basis_reported", reportedText, "yes or no")
      valid = false
    }

    let assetText = (text(row, "asset") ?? "").lowercased()
    var asset = form == .form1099DA ? AssetKind.digital : .security
    switch assetText {
    case "": break
    case "security", "stock": asset = .security
    case "digital", "crypto": asset = .digital
    case "tokenized", "tokenized-security": asset = .tokenized
    default:
      fail(row, "asset", assetText, "security, digital or tokenized")
      valid = false
    }
    if valid && form == .form1099DA && asset == .security {
      fail(row, "asset", assetText,
           "digital or tokenized with form 1099-DA; Form 1099-DA reports digital assets only")
      valid = false
    }
    return valid ? (form, basisReported, asset) : nil
  }

  /// Numbers each row among the rows of its day, account and symbol, in file order.
  private func assignDayOrdinals(_ trades: inout [Trade]) {
    struct Key: Hashable {
      var day: Int32
      var account: Int32
      var symbol: Int32
    }
    var counters: [Key: Int32] = [:]
    for index in trades.indices {
      let trade = trades[index]
      let key = Key(day: trade.date.dayNumber, account: trade.account, symbol: trade.symbol)
      let next = counters[key, default: 0]
      trades[index].dayOrdinal = next
      counters[key] = next + 1
    }
  }
}
