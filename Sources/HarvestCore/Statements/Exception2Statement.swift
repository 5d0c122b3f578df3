/// Form 8949 under Exception 2: one summary row per broker per box on the form, and a
/// statement listing every transaction in the form's column layout, section by section.
public struct Exception2Statement: Sendable, Equatable {
  /// The sections, box by box in form order, brokers in alphabetical order within a box.
  public var sections: [Exception2Section]

  /// Groups `rows` by box and broker.
  ///
  /// - Parameters:
  ///   - rows: the rows that belong on Form 8949, already in whole dollars when the return is
  ///     prepared in whole dollars, so that the summary rows add up to what the statement
  ///     prints.
  ///   - accounts: the accounts file; an account not in it is its own broker.
  public init(rows: [Form8949Row], accounts: [String: Account]) {
    var grouped: [Form8949Box: [String: [Form8949Row]]] = [:]
    var brokerOfAccount: [String: String] = [:]
    for row in rows {
      let broker: String
      if let known = brokerOfAccount[row.account] {
        broker = known
      } else {
        broker = accounts[row.account]?.broker ?? row.account
        brokerOfAccount[row.account] = broker
      }
      grouped[row.box, default: [:]][broker, default: []].append(row)
    }
    var sections: [Exception2Section] = []
    for box in grouped.keys.sorted() {
      let brokers = grouped[box]!
      for broker in brokers.keys.sorted() {
        // Rows in form order are already in date-sold order; sort only when they are not.
        var ordered = brokers[broker]!
        if zip(ordered, ordered.dropFirst()).contains(where: { $0.dateSold > $1.dateSold }) {
          ordered = ordered.enumerated()
            .sorted { ($0.element.dateSold, $0.offset) < ($1.element.dateSold, $1.offset) }
            .map(\.element)
        }
        sections.append(Exception2Section(box: box, broker: broker, rows: ordered))
      }
    }
    self.sections = sections
  }

  /// The summary rows, in section order.
  public var summaryRows: [Form8949SummaryRow] { sections.map(\.summary) }

  /// `form8949-summary.csv`: the rows printed on Form 8949, one per broker per box.
  public var summaryCSV: [UInt8] { Exception2Statement.summaryCSV(summaryRows) }

  /// `form8949-summary.csv` computed straight from the rows, without grouping copies of
  /// them into sections: the same bytes as the `summaryCSV` of the statement made from
  /// `rows` (rounded to whole dollars first when `wholeDollars`).
  ///
  /// - Parameters:
  ///   - rows: the rows that belong on Form 8949, in cents.
  ///   - accounts: the accounts file; an account not in it is its own broker.
  ///   - wholeDollars: whether the return is prepared in whole dollars.
  public static func summaryCSV(
    rows: [Form8949Row], accounts: [String: Account], wholeDollars: Bool
  ) -> [UInt8] {
    struct Key: Hashable {
      var box: Form8949Box
      var broker: Int
    }
    struct Section {
      var totals = Form8949Totals()
      var letters: Set<Character> = ["M"]
      var lastCodes = AdjustmentCodes("")
      var count = 0
    }
    var brokers: [String] = []
    var brokerIndex: [String: Int] = [:]
    var brokerOfAccount: [String: Int] = [:]
    var sectionIndex: [Key: Int] = [:]
    var keys: [Key] = []
    var sections: [Section] = []
    // Rows come in runs of one account and box, so the last lookup answers most rows.
    var last: (account: String, box: Form8949Box, section: Int)?
    for index in rows.indices {
      let row = wholeDollars ? WholeDollarRounding.round(rows[index]) : rows[index]
      let section: Int
      if let last, last.account == row.account, last.box == row.box {
        section = last.section
      } else {
        let broker: Int
        if let known = brokerOfAccount[row.account] {
          broker = known
        } else {
          let name = accounts[row.account]?.broker ?? row.account
          if let existing = brokerIndex[name] {
            broker = existing
          } else {
            broker = brokers.count
            brokers.append(name)
            brokerIndex[name] = broker
          }
          brokerOfAccount[row.account] = broker
        }
        let key = Key(box: row.box, broker: broker)
        if let existing = sectionIndex[key] {
          section = existing
        } else {
          section = sections.count
          sectionIndex[key] = section
          keys.append(key)
          sections.append(Section())
        }
        last = (row.account, row.box, section)
      }
      sections[section].totals.add(row)
      sections[section].count += 1
      if row.codeLetters != sections[section].lastCodes {
        sections[section].letters.formUnion(row.code)
        sections[section].lastCodes = row.codeLetters
      }
    }
    let order = keys.indices.sorted { a, b in
      keys[a].box != keys[b].box
        ? keys[a].box < keys[b].box : brokers[keys[a].broker] < brokers[keys[b].broker]
    }
    return summaryCSV(
      order.map { index in
        Form8949SummaryRow(
          box: keys[index].box, broker: brokers[keys[index].broker],
          code: String(sections[index].letters.sorted()), totals: sections[index].totals,
          transactionCount: sections[index].count)
      })
  }

  private static func summaryCSV(_ summaryRows: [Form8949SummaryRow]) -> [UInt8] {
    var writer = CSVWriter(header: [
      "box", "description", "date_acquired", "date_sold", "proceeds", "cost_basis", "code",
      "adjustment", "gain_loss", "transactions",
    ])
    for row in summaryRows {
      writer.text(row.box.letter, fromUser: false)
      writer.text(row.description)
      writer.text("", fromUser: false)
      writer.text("", fromUser: false)
      writer.money(row.totals.proceeds)
      writer.money(row.totals.costBasis)
      writer.text(row.code, fromUser: false)
      writer.money(row.totals.adjustment)
      writer.money(row.totals.gainLoss)
      writer.text(String(row.transactionCount), fromUser: false)
      writer.endRow()
    }
    return writer.bytes
  }
}
