import SeededRandom

/// Writes synthetic trades files for the benchmark: several accounts (one an IRA), many
/// symbols, prices that wander so that losses and wash sales are frequent.
struct TradeGenerator {
  static let header = "date,account,action,symbol,quantity,price,fees\n"

  /// `count` trades over 2024–2025 across `accounts` accounts and `symbols` symbols.
  static func mixed(count: Int, symbols: Int, accounts: [String], seed: UInt64) -> [UInt8] {
    var random = SplitMix64(seed: seed)
    var out = Array(header.utf8)
    out.reserveCapacity(count * 48)
    var prices = (0..<symbols).map { _ in 2_000 + random.below(20_000) }
    var held = Array(repeating: 0, count: symbols * accounts.count)
    let days = dayList(from: 2024, to: 2025)
    for index in 0..<count {
      let day = days[index * days.count / count]
      let symbol = random.below(symbols)
      let account = random.below(accounts.count)
      prices[symbol] = max(100, prices[symbol] + random.below(401) - 200)
      let slot = symbol * accounts.count + account
      let isSale = held[slot] > 0 && random.below(100) < 45
      let quantity = isSale ? 1 + random.below(held[slot]) : 1 + random.below(50)
      held[slot] += isSale ? -quantity : quantity
      appendRow(&out, day, accounts[account], isSale, "S\(symbol)", quantity, prices[symbol])
    }
    return out
  }

  /// One symbol sold at a loss and bought back the next day, again and again: every sale
  /// is washed by the following purchase, so each loss rolls into the next lot.
  static func chain(count: Int) -> [UInt8] {
    var out = Array(header.utf8)
    let days = dayList(from: 2024, to: 2025)
    var price = 100_000
    for index in 0..<count {
      let day = days[index * days.count / count]
      let isSale = index % 2 == 1
      price -= isSale ? 3 : 2
      appendRow(&out, day, "Main", isSale, "CHAIN", 100, price)
    }
    return out
  }

  private static func dayList(from first: Int, to last: Int) -> [String] {
    var days: [String] = []
    for year in first...last {
      for month in 1...12 {
        let length = [31, year % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
          month - 1]
        for day in 1...length {
          days.append("\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)")
        }
      }
    }
    return days
  }

  private static func appendRow(
    _ out: inout [UInt8], _ day: String, _ account: String, _ isSale: Bool, _ symbol: String,
    _ quantity: Int, _ cents: Int
  ) {
    let price = "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
    let line = "\(day),\(account),\(isSale ? "sell" : "buy"),\(symbol),\(quantity),\(price),0\n"
    out.append(contentsOf: line.utf8)
  }
}
