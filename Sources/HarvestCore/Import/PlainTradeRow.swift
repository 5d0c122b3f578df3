/// Reads the common trades line straight from the file's bytes: every byte printable ASCII
/// other than the space and the double quote, every optional column empty, every value valid.
///
/// The line arrives as the offsets of its commas, so no field array, string or byte-by-byte
/// hash of a name is made. Anything else gives nil and is read the careful way, which gives
/// the same trade for a line both accept.
struct PlainTradeRow {
  /// The most fields a plain line may have; a longer line is read the careful way.
  static let maximumFields = 64

  private let date: Int, account: Int, action: Int, symbol: Int
  private let quantity: Int, price: Int, fees: Int
  private let highestMandatory: Int
  /// Bit `i` is set when field `i` must be empty: optional columns and fields past the
  /// header's last column.
  private let mustBeEmpty: UInt64

  /// The last date read, by its ten bytes: a file in date order repeats each date many times.
  private var lastDateBytes: (UInt64, UInt16) = (0, 0)
  private var lastDate = CivilDate(dayNumber: 0)

  /// Column positions from the header: the mandatory columns by name, the optional ones Harvest
  /// reads, and how many columns the header names.
  init(mandatory: [String: Int], optional: [Int], width: Int) {
    date = mandatory["date"] ?? 0
    account = mandatory["account"] ?? 0
    action = mandatory["action"] ?? 0
    symbol = mandatory["symbol"] ?? 0
    quantity = mandatory["quantity"] ?? 0
    price = mandatory["price"] ?? 0
    fees = mandatory["fees"] ?? 0
    highestMandatory = mandatory.values.max() ?? 0
    var empty: UInt64 = width >= 64 ? 0 : ~0 << UInt64(width)
    for index in optional where index < 64 { empty |= 1 << UInt64(index) }
    mustBeEmpty = empty
  }

  /// The trade on a plain line, or nil.
  ///
  /// - Parameters:
  ///   - buffer: the file's bytes.
  ///   - bounds: `fieldCount + 1` offsets; field `i` is the bytes after `bounds[i]` up to
  ///     `bounds[i + 1]` (the first bound is one before the line's first byte).
  ///   - fieldCount: how many fields the line has, at most `maximumFields`.
  mutating func trade(
    _ buffer: UnsafeBufferPointer<UInt8>, bounds: UnsafeMutablePointer<Int>, fieldCount: Int,
    line: Int, accounts: inout NameTable, symbols: inout NameTable
  ) -> Trade? {
    guard fieldCount > highestMandatory else { return nil }
    var empty = fieldCount >= 64 ? mustBeEmpty : mustBeEmpty & ((1 << UInt64(fieldCount)) - 1)
    while empty != 0 {
      let index = empty.trailingZeroBitCount
      if bounds[index + 1] != bounds[index] + 1 { return nil }
      empty &= empty - 1
    }

    guard let date = day(buffer, bounds[date] + 1, bounds[date + 1]) else { return nil }
    let accountStart = bounds[account] + 1, accountEnd = bounds[account + 1]
    let symbolStart = bounds[symbol] + 1, symbolEnd = bounds[symbol + 1]
    guard accountEnd > accountStart, symbolEnd > symbolStart,
      let action = PlainTradeRow.action(buffer, bounds[action] + 1, bounds[action + 1]),
      let quantityUnits = number(buffer, bounds, quantity, TradeFileReader.quantityRules),
      quantityUnits > 0,
      let priceMicros = number(buffer, bounds, price, TradeFileReader.priceRules),
      priceMicros >= 0
    else { return nil }
    var feeCents: Int64 = 0
    if bounds[fees + 1] > bounds[fees] + 1 {
      guard let cents = number(buffer, bounds, fees, TradeFileReader.moneyRules), cents >= 0
      else { return nil }
      feeCents = cents
    }

    return PlainTradeRow.trade(
      line: line, date: date, action: action, quantityUnits: quantityUnits,
      priceMicros: priceMicros, feeCents: feeCents
    ) {
      (
        accounts.internPacked(buffer, accountStart, accountEnd, uppercased: false),
        symbols.internPacked(buffer, symbolStart, symbolEnd, uppercased: true)
      )
    }
  }

  /// The trade of a plain row whose fields are read, or nil when shares × price or the
  /// amount (cost or net proceeds) passes the limits every trade must keep; the careful path
  /// then reads the row and reports it. `names` gives the account and symbol numbers; it is
  /// asked only for a row that is accepted, so a refused row adds no name.
  static func trade(
    line: Int, date: CivilDate, action: TradeAction, quantityUnits: Int64, priceMicros: Int64,
    feeCents: Int64, names: () -> (account: Int32, symbol: Int32)
  ) -> Trade? {
    let gross = Int128(quantityUnits) * Int128(priceMicros)
    let grossLimit =
      Int128(TradeFileReader.amountLimit) * Int128(Shares.scale) * Int128(Price.scale) / 100
    guard gross <= grossLimit else { return nil }
    let quantity = Shares(units: quantityUnits)
    let price = Price(micros: priceMicros)
    let fees = Money(cents: feeCents)
    let amount = price.extended(quantity, plus: action == .buy ? fees : -fees)
    guard amount.cents.magnitude <= UInt64(TradeFileReader.amountLimit) else { return nil }
    let (account, symbol) = names()
    return Trade(
      line: line, date: date, account: account, action: action, symbol: symbol,
      quantity: quantity, price: price, fees: fees, amount: amount)
  }

  private mutating func day(
    _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
  ) -> CivilDate? {
    guard end - start == 10, let base = buffer.baseAddress else { return nil }
    let raw = UnsafeRawPointer(base + start)
    let bytes = (
      raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
    )
    if bytes == lastDateBytes { return lastDate }
    guard let date = CivilDate.parse(buffer, start, end) else { return nil }
    lastDateBytes = bytes
    lastDate = date
    return date
  }

  /// `buy` or `sell` in any case, or nil.
  static func action(
    _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
  ) -> TradeAction? {
    let folded = { (offset: Int) in buffer[start + offset] | 0x20 }
    switch end - start {
    case 3
    where folded(0) == UInt8(ascii: "b") && folded(1) == UInt8(ascii: "u")
      && folded(2) == UInt8(ascii: "y"):
      return .buy
    case 4
    where folded(0) == UInt8(ascii: "s") && folded(1) == UInt8(ascii: "e")
      && folded(2) == UInt8(ascii: "l") && folded(3) == UInt8(ascii: "l"):
      return .sell
    default:
      return nil
    }
  }

  private func number(
    _ buffer: UnsafeBufferPointer<UInt8>, _ bounds: UnsafeMutablePointer<Int>, _ index: Int,
    _ rules: DecimalText.Rules
  ) -> Int64? {
    let start = bounds[index] + 1, end = bounds[index + 1]
    if let value = DecimalText.parsePlain(buffer, from: start, to: end, rules) { return value }
    return try? DecimalText.parse(buffer, from: start, to: end, rules)
  }
}
