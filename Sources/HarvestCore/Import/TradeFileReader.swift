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
  /// The most shares of one symbol bought in one account over the whole file, in units.
  static let sharesHeldLimit: Int64 = 20_000_000_000 * Shares.scale
  /// The bound on (sales + 1) × (costs + proceeds), in cents, that keeps every sum exact.
  static let moneySumLimit: Int128 = 1 << 59

  let file: String
  var reader: CSVReader
  var errors: [InputError] = []
  var truncated = false
  private var allowsFastPath = true

  // What this reader has read of the data lines (all of them, or one part of the file).
  var accounts = NameTable()
  var symbols = NameTable()
  /// Lines that look like a footer and are not yet followed by a trade row.
  var footerLines: [(line: Int, text: String)] = []
  /// By symbol index: the asset kind its first row gave, and that row's line.
  var assetOfSymbol: [(kind: AssetKind, line: Int)?] = []
  /// Whether a row's asset kind differed from the first row of its symbol.
  var reportedAssetConflict = false
  /// How many errors had been reported when the first row that is neither blank nor a footer
  /// was met (nil before it): where footers pending from the part before become errors.
  var errorsBeforeFirstRow: Int?
  /// The totals and day ordinals of the trades accepted so far.
  var tally = TradeTally()

  /// Reads `bytes`, naming `file` in every message.
  ///
  /// A large file is read in two parts on two cores when that gives the same result.
  ///
  /// - Throws: `InputErrors` listing every problem found.
  public static func read(bytes: [UInt8], file: String) throws(InputErrors) -> TradeBook {
    var split = false
    return try read(bytes: bytes, file: file, splitAt: nil, split: &split)
  }

  /// Reads with the byte-level fast paths turned off, so tests can compare both paths.
  static func readCarefully(bytes: [UInt8], file: String) throws(InputErrors) -> TradeBook {
    var split = false
    return try read(bytes: bytes, file: file, carefully: true, splitAt: nil, split: &split)
  }

  /// Reads `bytes`, in two parts when `splitAt` is given or the file is large.
  ///
  /// - Parameters:
  ///   - carefully: turns off the fast paths and the split.
  ///   - splitAt: where to split (moved on to the start of a line) instead of the middle of a
  ///     large file, or `Int.max` never to split.
  ///   - split: set to whether the file was read in two parts.
  static func read(
    bytes: [UInt8], file: String, carefully: Bool = false, splitAt: Int?, split: inout Bool
  ) throws(InputErrors) -> TradeBook {
    var head = TradeFileReader(file: file, reader: CSVReader(bytes: bytes))
    head.allowsFastPath = !carefully
    let (found, undecodedLine) = head.readHeader()
    guard let columns = found else {
      if head.errors.isEmpty { head.reportMissingHeader(undecodedLine) }
      throw InputErrors(head.errors, truncated: head.truncated)
    }

    let layout = bytes.withUnsafeBufferPointer { buffer in
      TradeFileSplit.layout(
        buffer, from: head.reader.position, line: head.reader.line,
        splitAt: carefully ? Int.max : splitAt)
    }
    var result = head
    split = false
    // Trades are written in place: one per line at most, so a million trades are never
    // copied into a grown array.
    var trades = [Trade](unsafeUninitializedCapacity: layout.capacity) { buffer, count in
      guard let base = buffer.baseAddress else { return }
      if let plan = layout.split,
        let (merged, written) = TradeFileSplit.readInTwo(
          head, columns, plan, into: base, capacity: layout.capacity)
      {
        result = merged
        count = written
        split = true
        return
      }
      var output = TradeOutput(base: base, capacity: layout.capacity)
      result.readRows(to: bytes.count, columns, into: &output)
      count = output.count
    }
    return try result.finish(&trades)
  }

  private init(file: String, reader: CSVReader) {
    self.file = file
    self.reader = reader
  }

  /// A reader for the data lines from `position` (the start of `line`) on, with the header
  /// and settings of this one and nothing read yet.
  func part(from position: Int, line: Int) -> TradeFileReader {
    var part = TradeFileReader(file: file, reader: reader)
    part.allowsFastPath = allowsFastPath
    part.reader.position = position
    part.reader.line = line
    return part
  }

  struct Columns {
    var indexes: [String: Int] = [:]
    var firstMandatory = 0
    subscript(_ name: String) -> Int? { indexes[name] }

    /// Column positions for the fast path, resolved once from the header.
    struct Fast {
      var date = 0, account = 0, action = 0, symbol = 0, quantity = 0, price = 0, fees = 0
      var highestMandatory = 0
      var optional: [Int] = []
    }

    /// Set once the header is known.
    var fast = Fast()
    /// How many columns the header names (up to its last non-empty cell).
    var width = 0

    func makeFast() -> Fast {
      var fast = Fast()
      fast.date = indexes["date"] ?? 0
      fast.account = indexes["account"] ?? 0
      fast.action = indexes["action"] ?? 0
      fast.symbol = indexes["symbol"] ?? 0
      fast.quantity = indexes["quantity"] ?? 0
      fast.price = indexes["price"] ?? 0
      fast.fees = indexes["fees"] ?? 0
      fast.highestMandatory = TradeFileReader.mandatoryColumns.compactMap { indexes[$0] }.max() ?? 0
      fast.optional = TradeFileReader.optionalColumns.compactMap { indexes[$0] }
      return fast
    }

    /// The name of the column Harvest reads at `index`, if any.
    func name(at index: Int) -> String? {
      indexes.first(where: { $0.value == index })?.key
    }

    /// The reader of plain lines for these columns.
    var plainRow: PlainTradeRow {
      PlainTradeRow(
        mandatory: indexes.filter { TradeFileReader.mandatoryColumns.contains($0.key) },
        optional: fast.optional, width: width)
    }
  }

  /// Reads the preamble and the header line.
  ///
  /// - Returns: the columns, or nil when no line names them all; and the first preamble line
  ///   that is not UTF-8.
  private mutating func readHeader() -> (columns: Columns?, undecodedLine: Int?) {
    var fields: [CSVReader.Field] = []
    var firstUndecodedPreambleLine: Int?
    while !truncated {
      let line: Int
      do {
        guard let next = try reader.next(into: &fields) else { break }
        line = next
      } catch {
        reportSyntax(error, nil)
        continue
      }
      if fields.allSatisfy({ reader.isBlank($0) }) { continue }
      if let columns = headerColumns(fields, line: line) {
        return (columns, firstUndecodedPreambleLine)
      }
      if firstUndecodedPreambleLine == nil
        && fields.contains(where: { reader.text(of: $0) == nil })
      {
        firstUndecodedPreambleLine = line
      }
    }
    return (nil, firstUndecodedPreambleLine)
  }

  /// Reads the data lines from the reader's position up to `end` (the start of a line, or the
  /// end of the input), writing each trade to `output`.
  ///
  /// A line without a double quote is cut at its commas here; a plain one becomes a trade
  /// straight from its bytes. A line with a double quote is left to the CSV reader, since a
  /// quoted field may hold commas and line breaks.
  mutating func readRows(to end: Int, _ columns: Columns, into output: inout TradeOutput) {
    let bytes = reader.bytes
    var plainRow = columns.plainRow
    let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf: UInt8 = 10, cr: UInt8 = 13
    bytes.withUnsafeBufferPointer { buffer in
      let capacity = PlainTradeRow.maximumFields + 1
      withUnsafeTemporaryAllocation(of: Int.self, capacity: capacity) { boundsBuffer in
        guard let bounds = boundsBuffer.baseAddress else { return }
        var position = reader.position
        var line = reader.line
        while position < end && !truncated {
          bounds[0] = position - 1
          var fieldCount = 0
          var isPlain = true
          var hasQuote = false
          var index = position
          // Eight bytes at a time where eight remain: only the bytes `specialBytes` marks are
          // looked at one by one. Otherwise one byte, marked as if special.
          scan: while index < end {
            var special: UInt64 = 0x80
            var step = 1
            if index + 8 <= end, let base = buffer.baseAddress {
              let raw = UnsafeRawPointer(base + index)
              special = Self.specialBytes(UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)))
              step = 8
            }
            while special != 0 {
              let at = index + special.trailingZeroBitCount / 8
              special &= special - 1
              let byte = buffer[at]
              if byte == comma {
                if fieldCount + 1 < PlainTradeRow.maximumFields {
                  fieldCount += 1
                  bounds[fieldCount] = at
                } else {
                  isPlain = false
                }
              } else if byte &- 33 > 93 {
                // Outside `!`...`~`: a line break, a space, a control character or non-ASCII.
                if byte == lf || byte == cr {
                  index = at
                  break scan
                }
                isPlain = false
              } else if byte == quote {
                hasQuote = true
                index = at
                break scan
              }
            }
            index += step
          }
          if hasQuote {
            reader.position = position
            reader.line = line
            readQuotedRecord(columns, into: &output)
            position = reader.position
            line = reader.line
            continue
          }
          fieldCount += 1
          bounds[fieldCount] = index

          if isPlain && footerLines.isEmpty && allowsFastPath,
            let trade = plainRow.trade(
              buffer, bounds: bounds, fieldCount: fieldCount, line: line,
              accounts: &accounts, symbols: &symbols)
          {
            if errorsBeforeFirstRow == nil { errorsBeforeFirstRow = errors.count }
            accept(trade, into: &output)
          } else {
            var fields: [CSVReader.Field] = []
            var start = position
            for offset in position..<index where buffer[offset] == comma {
              fields.append(CSVReader.Field(start: start, end: offset, hasEscapedQuotes: false))
              start = offset + 1
            }
            fields.append(CSVReader.Field(start: start, end: index, hasEscapedQuotes: false))
            readRecord(fields, line: line, columns, into: &output)
          }

          position = index
          if position < buffer.count {
            let crlf =
              buffer[position] == cr && position + 1 < buffer.count
              && buffer[position + 1] == lf
            position += crlf ? 2 : 1
          }
          line += 1
        }
        reader.position = position
        reader.line = line
      }
    }
  }

  /// The top bit of each byte of `word` (eight bytes of the file, the first lowest) that is a
  /// comma, a double quote, or outside `!`...`~`; perhaps of some other bytes too, which the
  /// scan then looks at and passes over, but never of none of those.
  static func specialBytes(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let low = ~high
    /// The top bit of each zero byte.
    func zeroBytes(_ word: UInt64) -> UInt64 { ~(((word & low) &+ low) | word) & high }
    let commas = zeroBytes(word ^ (ones &* 0x2C))
    let quotes = zeroBytes(word ^ (ones &* 0x22))
    // With every top bit set no byte borrows from the next; a byte below `!` loses its top bit.
    let belowBang = ~((word | high) &- ones &* 0x21) & high
    // 0x7F plus one carries into the top bit; no smaller low seven bits do.
    let delete = ((word & low) &+ ones) & high
    return commas | quotes | belowBang | delete | (word & high)
  }

  /// Reads one record with the CSV reader, which handles quoted fields.
  private mutating func readQuotedRecord(_ columns: Columns, into output: inout TradeOutput) {
    var fields: [CSVReader.Field] = []
    let line: Int
    do {
      guard let next = try reader.next(into: &fields) else { return }
      line = next
    } catch {
      reportSyntax(error, columns)
      return
    }
    readRecord(fields, line: line, columns, into: &output)
  }

  /// Reads one data record: a trade, a footer, a blank line or a line with errors.
  private mutating func readRecord(
    _ fields: [CSVReader.Field], line: Int, _ columns: Columns,
    into output: inout TradeOutput
  ) {
    if fields.allSatisfy({ reader.isBlank($0) }) { return }
    if footerLines.isEmpty, allowsFastPath, let trade = fastRow(fields, line: line, columns) {
      if errorsBeforeFirstRow == nil { errorsBeforeFirstRow = errors.count }
      accept(trade, into: &output)
      return
    }
    if isFooter(fields, columns) {
      let first =
        fields.indices.contains(columns.firstMandatory)
        ? fields[columns.firstMandatory] : nil
      let text = first.map { String(decoding: reader.content(of: $0), as: UTF8.self) } ?? ""
      footerLines.append((line, text.trimmingSpaces))
      return
    }
    if errorsBeforeFirstRow == nil { errorsBeforeFirstRow = errors.count }
    for footer in footerLines { report(footerError(footer, columns)) }
    footerLines.removeAll()
    if repeatsHeader(fields, columns) {
      report(
        InputError(
          file: file, line: line, column: nil, found: nil,
          expected: "a trade row; this line repeats the header line (were two files joined? "
            + "keep one header)"))
      return
    }
    if let problem = shapeProblem(fields, columns) {
      report(InputError(file: file, line: line, column: nil, found: nil, expected: problem))
      return
    }
    if let trade = parseRow(fields, line: line, columns) {
      accept(trade, into: &output)
    }
  }

  /// The error for a footer line that trade rows follow.
  func footerError(_ footer: (line: Int, text: String), _ columns: Columns) -> InputError {
    InputError(
      file: file, line: footer.line, column: columns.name(at: columns.firstMandatory),
      found: footer.text,
      expected: "a trade row; this line has only its first column filled, which is "
        + "allowed only in a footer after the last trade")
  }

  private mutating func accept(_ trade: consuming Trade, into output: inout TradeOutput) {
    let symbol = Int(trade.symbol)
    while assetOfSymbol.count <= symbol { assetOfSymbol.append(nil) }
    if let (kind, firstLine) = assetOfSymbol[symbol], kind != trade.asset {
      reportedAssetConflict = true
      report(
        InputError(
          file: file, line: trade.line, column: "asset", found: trade.asset.rawValue,
          expected: "\(kind.rawValue), as line \(firstLine) says for \(symbols[trade.symbol])"))
    } else if assetOfSymbol[symbol] == nil {
      assetOfSymbol[symbol] = (trade.asset, trade.line)
    }
    tally.add(&trade)
    output.append(trade)
  }

  /// Checks the totals of the trades read, numbers each day's rows and makes the book.
  ///
  /// - Throws: `InputErrors` when any error was found.
  private mutating func finish(_ trades: inout [Trade]) throws(InputErrors) -> TradeBook {
    if errors.isEmpty && !tally.totalsPass { checkTotals(trades, accounts, symbols) }
    if !errors.isEmpty { throw InputErrors(errors, truncated: truncated) }
    if !tally.ordinalsAssigned {
      assignDayOrdinals(&trades, accounts: accounts.count, symbols: symbols.count)
    }
    return TradeBook(
      file: file, trades: trades, accounts: accounts, symbols: symbols,
      skippedFooterLines: footerLines.map(\.line))
  }

  private mutating func reportSyntax(_ error: CSVReader.SyntaxError, _ columns: Columns?) {
    let name = columns?.name(at: error.field)
    report(
      InputError(
        file: file, line: error.line, column: name, found: error.found, expected: error.message,
        columnNumber: name == nil ? error.field + 1 : nil))
  }

  private mutating func reportMissingHeader(_ undecodedLine: Int?) {
    let bytes = reader.bytes
    let names = TradeFileReader.mandatoryColumns.joined(separator: ", ")
    if bytes.count >= 2 && (bytes[0], bytes[1]) == (0xFF, 0xFE)
      || bytes.count >= 2 && (bytes[0], bytes[1]) == (0xFE, 0xFF)
    {
      report(
        InputError(
          file: file, line: 1, column: nil, found: nil,
          expected: "text in UTF-8; this file is in UTF-16 (save it as CSV UTF-8)"))
    } else if let undecodedLine {
      report(
        InputError(
          file: file, line: undecodedLine, column: nil, found: nil,
          expected: "text in UTF-8 and a header line naming the columns \(names); this line "
            + "holds bytes that are not UTF-8 and no line names every column"))
    } else {
      report(
        InputError(
          file: file, line: nil, column: nil, found: nil,
          expected: "a header line naming the columns \(names); no line names them all"))
    }
  }

  /// Bounds the sums the engine and the forms compute, so that no arithmetic reachable
  /// from input can overflow: shares held per account and symbol, and every sum of money.
  ///
  /// Money: a sale's disallowed losses are at most the basis it sells plus its proceeds,
  /// and the basis held at any time is at most all costs plus all proceeds so far, so every
  /// sum on the forms is at most (sales + 1) × 2 × (costs + proceeds).
  private mutating func checkTotals(
    _ trades: [Trade], _ accounts: NameTable, _ symbols: NameTable
  ) {
    struct Key: Hashable {
      var account: Int32
      var symbol: Int32
    }
    // Shares bought by account and symbol: a table when it is small (the usual case).
    var bought: [Key: Int64] = [:]
    let (tableSize, tooLarge) = accounts.count.multipliedReportingOverflow(by: symbols.count)
    var boughtTable =
      !tooLarge && tableSize <= 1 << 22 ? [Int64](repeating: 0, count: tableSize) : []
    var sales: Int128 = 0
    var volume: Int128 = 0
    for trade in trades {
      volume += Int128(trade.amount.cents.magnitude)
      if trade.action == .sell {
        sales += 1
      } else {
        let key = Key(account: trade.account, symbol: trade.symbol)
        let slot = Int(trade.account) * symbols.count + Int(trade.symbol)
        let total =
          (boughtTable.isEmpty ? bought[key, default: 0] : boughtTable[slot])
          + trade.quantity.units
        guard total <= TradeFileReader.sharesHeldLimit else {
          report(
            InputError(
              file: file, line: trade.line, column: "quantity", found: trade.quantity.description,
              expected: "at most 20,000,000,000 shares of \(symbols[trade.symbol]) bought in "
                + "account \(accounts[trade.account]) over the whole file; this buy passes that"))
          return
        }
        if boughtTable.isEmpty { bought[key] = total } else { boughtTable[slot] = total }
      }
      guard (sales + 1) * volume <= TradeFileReader.moneySumLimit else {
        report(
          InputError(
            file: file, line: trade.line, column: nil, found: nil,
            expected: "a file whose costs and proceeds, added up and multiplied by its number "
              + "of sales, stay below 2^59 cents, so every sum on the forms is exact; "
              + "the trades up to this line pass that"))
        return
      }
    }
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
    var duplicates: [(name: String, text: String, index: Int)] = []
    for (index, field) in fields.enumerated() {
      guard let text = reader.trimmedText(of: field) else { continue }
      let name = text.lowercased()
      let known =
        TradeFileReader.mandatoryColumns.contains(name)
        || TradeFileReader.optionalColumns.contains(name)
      guard known else { continue }
      if found.indexes[name] != nil {
        duplicates.append((name, text, index))
      } else {
        found.indexes[name] = index
      }
    }
    let positions = TradeFileReader.mandatoryColumns.compactMap { found.indexes[$0] }
    guard positions.count == TradeFileReader.mandatoryColumns.count,
      let first = positions.min()
    else { return nil }
    found.firstMandatory = first
    found.width = (fields.lastIndex { !reader.isBlank($0) } ?? 0) + 1
    found.fast = found.makeFast()
    for duplicate in duplicates {
      let earlier = (found.indexes[duplicate.name] ?? 0) + 1
      report(
        InputError(
          file: file, line: line, column: nil, found: duplicate.text,
          expected: "each column named once in the header; '\(duplicate.name)' is already "
            + "column \(earlier)", columnNumber: duplicate.index + 1))
    }
    return found
  }

  private func isFooter(_ fields: [CSVReader.Field], _ columns: Columns) -> Bool {
    for name in TradeFileReader.mandatoryColumns {
      guard let index = columns[name] else { continue }
      if index == columns.firstMandatory { continue }
      if index < fields.count && !reader.isBlank(fields[index]) { return false }
    }
    return true
  }

  /// True when a line after the header names the mandatory columns again.
  private func repeatsHeader(_ fields: [CSVReader.Field], _ columns: Columns) -> Bool {
    for name in TradeFileReader.mandatoryColumns {
      guard let index = columns[name], index < fields.count,
        reader.trimmedText(of: fields[index])?.lowercased() == name
      else { return false }
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
    let field = row.fields[index]
    guard let text = reader.trimmedText(of: field) else {
      let shown = String(decoding: reader.content(of: field), as: UTF8.self)
      report(
        InputError(
          file: file, line: row.line, column: column, found: shown,
          expected: "text in UTF-8; the bytes shown as \u{FFFD} are not UTF-8 "
            + "(save the file as CSV UTF-8)"))
      return nil
    }
    return text
  }

  /// A name or description: trimmed text on one line, with no control characters, since it
  /// is printed in messages, CSV cells and form lines. Empty when the column is absent; nil
  /// (with the error reported) when the text is not valid.
  private mutating func oneLineText(_ row: Row, _ column: String) -> String? {
    guard let value = text(row, column) else { return row.columns[column] == nil ? "" : nil }
    guard value.unicodeScalars.contains(where: TradeFileReader.isControl) else { return value }
    fail(row, column, value, "text on one line without control characters")
    return nil
  }

  /// C0 and C1 control characters, DEL, line and paragraph separators and the characters
  /// that override the direction of text.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0..<32, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  private mutating func fail(_ row: Row, _ column: String, _ found: String?, _ expected: String) {
    report(
      InputError(
        file: file, line: row.line, column: column, found: found,
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

  /// Why a data line cannot be read column by column: a filled cell beyond the header's
  /// columns, most often an unquoted thousands separator such as 1,500.00, which shifts every
  /// later field. (A line that stops early is reported field by field.)
  private func shapeProblem(_ fields: [CSVReader.Field], _ columns: Columns) -> String? {
    if fields.count > columns.width {
      for index in columns.width..<fields.count where !reader.isBlank(fields[index]) {
        return "at most \(columns.width) fields, as the header names, but this line has a "
          + "value in field \(index + 1); a number with a thousands separator such as 1,500.00 "
          + "must be quoted (\"1,500.00\") or written 1500.00"
      }
    }
    return nil
  }

  /// The common row read straight from the file's bytes: plain ASCII fields, every optional
  /// column empty, every value valid. Returns nil for anything else, which `parseRow` then
  /// reads (and reports) the careful way; both give the same trade for a row both accept.
  private mutating func fastRow(
    _ fields: [CSVReader.Field], line: Int, _ columns: Columns
  ) -> Trade? {
    let fast = columns.fast
    guard fields.count > fast.highestMandatory else { return nil }
    for index in columns.width..<max(columns.width, fields.count) {
      if !reader.isBlank(fields[index]) { return nil }
    }
    for index in fast.optional where index < fields.count {
      if !reader.isBlank(fields[index]) { return nil }
    }
    let input = reader.bytes
    return input.withUnsafeBufferPointer { bytes -> Trade? in
      func span(_ index: Int) -> (start: Int, end: Int)? {
        let field = fields[index]
        guard !field.hasEscapedQuotes else { return nil }
        var start = field.start, end = field.end
        while start < end && (bytes[start] == 32 || bytes[start] == 9) { start += 1 }
        while end > start && (bytes[end - 1] == 32 || bytes[end - 1] == 9) { end -= 1 }
        for position in start..<end where bytes[position] < 32 || bytes[position] > 126 {
          return nil
        }
        return (start, end)
      }
      func number(_ index: Int, _ rules: DecimalText.Rules) -> Int64? {
        guard let (start, end) = span(index) else { return nil }
        return try? DecimalText.parse(bytes, from: start, to: end, rules)
      }

      guard let (dateStart, dateEnd) = span(fast.date),
        let date = CivilDate.parse(bytes, dateStart, dateEnd),
        let (accountStart, accountEnd) = span(fast.account), accountEnd > accountStart,
        let (symbolStart, symbolEnd) = span(fast.symbol), symbolEnd > symbolStart,
        let (actionStart, actionEnd) = span(fast.action)
      else { return nil }
      guard let action = PlainTradeRow.action(bytes, actionStart, actionEnd) else { return nil }
      guard let quantityUnits = number(fast.quantity, Self.quantityRules), quantityUnits > 0,
        let priceMicros = number(fast.price, Self.priceRules), priceMicros >= 0,
        let (feesStart, feesEnd) = span(fast.fees)
      else { return nil }
      var feeCents: Int64 = 0
      if feesEnd > feesStart {
        guard
          let cents = try? DecimalText.parse(
            bytes, from: feesStart, to: feesEnd,
            Self.moneyRules), cents >= 0
        else { return nil }
        feeCents = cents
      }

      return PlainTradeRow.trade(
        line: line, date: date, action: action, quantityUnits: quantityUnits,
        priceMicros: priceMicros, feeCents: feeCents
      ) {
        (
          accounts.intern(bytes, accountStart, accountEnd, uppercased: false),
          symbols.intern(bytes, symbolStart, symbolEnd, uppercased: true)
        )
      }
    }
  }

  private mutating func parseRow(
    _ fields: [CSVReader.Field], line: Int, _ columns: Columns
  ) -> Trade? {
    let row = Row(fields: fields, line: line, columns: columns)
    let errorsBefore = errors.count + (truncated ? 1 : 0)

    let dateText = text(row, "date") ?? ""
    let date = CivilDate(iso: dateText)
    if date == nil {
      fail(row, "date", dateText, "a real calendar date written YYYY-MM-DD")
    }

    let accountName = oneLineText(row, "account")
    if accountName?.isEmpty == true {
      fail(row, "account", nil, "an account name; the field is empty")
    }

    let actionText = text(row, "action") ?? ""
    var action: TradeAction?
    switch actionText.lowercased() {
    case "buy": action = .buy
    case "sell": action = .sell
    default:
      let note =
        actionText.isEmpty
        ? ""
        : " (splits, symbol changes, dividends and other "
          + "actions are not supported yet)"
      fail(row, "action", actionText, "buy or sell" + note)
    }

    let symbolName = oneLineText(row, "symbol")?.uppercased()
    if symbolName?.isEmpty == true { fail(row, "symbol", nil, "a symbol; the field is empty") }

    let quantityUnits = number(
      row, "quantity", Self.quantityRules,
      what: "a number of shares greater than zero")
    if let units = quantityUnits, units <= 0 {
      fail(
        row, "quantity", text(row, "quantity"),
        units == 0
          ? "a number of shares greater than zero"
          : "a number of shares greater than zero (a sale is a sell row with a positive "
            + "quantity)")
    }
    let priceMicros = number(
      row, "price", Self.priceRules,
      what: "a price per share of zero or more")
    if let micros = priceMicros, micros < 0 {
      fail(
        row, "price", text(row, "price"),
        "a price per share of zero or more; a price cannot be negative")
    }
    var feeCents: Int64? = 0
    if let index = row.columns["fees"], index >= fields.count {
      fail(row, "fees", nil, "a fees field (empty means 0), but the line stops before it")
      feeCents = nil
    } else if let raw = text(row, "fees"), !raw.isEmpty {
      feeCents = number(row, "fees", Self.moneyRules, what: "fees in dollars of zero or more")
      if let cents = feeCents, cents < 0 {
        fail(row, "fees", raw, "fees in dollars of zero or more; a rebate is not a fee")
      }
    }

    let lotText = oneLineText(row, "lot") ?? ""
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
      } else if let cents = number(
        row, "basis", Self.moneyRules,
        what: "a total basis in dollars of zero or more")
      {
        if cents < 0 {
          fail(row, "basis", raw, "a total basis in dollars of zero or more")
        } else {
          basis = Money(cents: cents)
        }
      }
    }

    let descriptionText = oneLineText(row, "description") ?? ""
    let description = descriptionText.isEmpty ? nil : descriptionText
    let routing = parseRouting(row)

    guard errors.count + (truncated ? 1 : 0) == errorsBefore, let date, let action,
      let accountName, let symbolName,
      let quantityUnits, let priceMicros, let feeCents, let routing
    else { return nil }

    // Checked before `Price.extended`, whose conversion back to 64 bits would trap.
    let gross = Int128(quantityUnits) * Int128(priceMicros)
    let grossLimit = Int128(Self.amountLimit) * Int128(Shares.scale) * Int128(Price.scale) / 100
    guard gross <= grossLimit else {
      fail(
        row, "quantity", text(row, "quantity"),
        "a trade worth at most $10,000,000,000.00; quantity × price is larger")
      return nil
    }
    let quantity = Shares(units: quantityUnits)
    let price = Price(micros: priceMicros)
    let fees = Money(cents: feeCents)
    let amount: Money
    switch action {
    case .buy: amount = basis ?? price.extended(quantity, plus: fees)
    case .sell: amount = price.extended(quantity, plus: -fees)
    }
    guard amount.cents.magnitude <= UInt64(Self.amountLimit) else {
      fail(
        row, action == .buy ? "fees" : "quantity", text(row, "fees"),
        "a trade worth at most $10,000,000,000.00 with its fees")
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
      fail(
        row, "asset", assetText,
        "digital or tokenized with form 1099-DA; Form 1099-DA reports digital assets only")
      valid = false
    }
    return valid ? (form, basisReported, asset) : nil
  }

  /// Numbers each row among the rows of its day, account and symbol, in file order.
  private func assignDayOrdinals(
    _ trades: inout [Trade], accounts: Int, symbols: Int
  ) {
    struct Key: Hashable {
      var day: Int32
      var account: Int32
      var symbol: Int32
    }
    // A file in date order (the usual export) needs only one day's counters at a time: a
    // table by account and symbol whose entries count only for the day they were set on.
    let inDateOrder = trades.indices.dropFirst().allSatisfy {
      trades[$0 - 1].date <= trades[$0].date
    }
    let (tableSize, tooLarge) = accounts.multipliedReportingOverflow(by: symbols)
    if inDateOrder && !tooLarge && tableSize <= 1 << 22 {
      var counters = [Int32](repeating: 0, count: tableSize)
      var days = [Int32](repeating: .min, count: tableSize)
      for index in trades.indices {
        let day = trades[index].date.dayNumber
        let slot = Int(trades[index].account) * symbols + Int(trades[index].symbol)
        if days[slot] != day {
          days[slot] = day
          counters[slot] = 0
        }
        trades[index].dayOrdinal = counters[slot]
        counters[slot] += 1
      }
      return
    }
    var counters: [Key: Int32] = [:]
    var currentDay: Int32?
    for index in trades.indices {
      let day = trades[index].date.dayNumber
      if inDateOrder && day != currentDay {
        counters.removeAll(keepingCapacity: true)
        currentDay = day
      }
      let key = Key(day: day, account: trades[index].account, symbol: trades[index].symbol)
      let next = counters[key, default: 0]
      trades[index].dayOrdinal = next
      counters[key] = next + 1
    }
  }

}
