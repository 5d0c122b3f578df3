/// Schedule D figures that do not come from Form 8949, read from `--other FILE`.
///
/// The file is a table `item,amount`; the item names are `OtherAmountItem` raw values. An
/// item that is absent leaves its line blank (for amounts) or unanswered (for questions).
public struct OtherAmounts: Sendable, Equatable {
  /// The summed amount of each amount item given.
  public var amounts: [OtherAmountItem: Money]
  /// The answer of each yes/no item given; `qualified_dividends` given as an amount is
  /// recorded here too (yes when above zero).
  public var answers: [OtherAmountItem: Bool]

  /// Nothing given: every line it feeds stays blank.
  public init(amounts: [OtherAmountItem: Money] = [:], answers: [OtherAmountItem: Bool] = [:]) {
    self.amounts = amounts
    self.answers = answers
  }

  /// The amount given for `item`, or nil.
  public subscript(_ item: OtherAmountItem) -> Money? { amounts[item] }

  /// The answer given for `item`, or nil.
  public func answer(_ item: OtherAmountItem) -> Bool? { answers[item] }

  /// Reads an `item,amount` table.
  ///
  /// - Parameters:
  ///   - bytes: the file's contents.
  ///   - file: the file as the user named it, for messages.
  /// - Returns: the amounts, with repeated amount items added together.
  /// - Throws: `InputErrors` naming each unknown item, bad amount, negative amount where
  ///   none is possible, or yes/no item given twice.
  public static func read(bytes: [UInt8], file: String) throws(InputErrors) -> OtherAmounts {
    let table = try SimpleTable.read(bytes: bytes, file: file, required: ["item", "amount"])
    var result = OtherAmounts()
    var errors: [InputError] = []

    for row in table.rows {
      let name = row["item"].lowercased()
      guard let item = OtherAmountItem(rawValue: name) else {
        let known = OtherAmountItem.allCases.map(\.rawValue).joined(separator: ", ")
        errors.append(
          InputError(
            file: file, line: row.line, column: "item", found: row["item"],
            expected: "one of " + known))
        continue
      }
      if let error = result.add(item, text: row["amount"], file: file, line: row.line) {
        errors.append(error)
      }
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return result
  }

  private mutating func add(
    _ item: OtherAmountItem, text: String, file: String, line: Int
  ) -> InputError? {
    func failure(_ expected: String) -> InputError {
      InputError(file: file, line: line, column: "amount", found: text, expected: expected)
    }
    let yesNo = Self.yesNo(text)
    if item.kind == .yesNo || (item.kind == .yesNoOrAmount && yesNo != nil) {
      guard let answer = yesNo else { return failure("yes or no for \(item.rawValue)") }
      guard answers[item] == nil else { return failure("\(item.rawValue) given only once") }
      answers[item] = answer
      return nil
    }

    let what =
      item.kind == .signedAmount
      ? "an amount such as 1234.56 or -1234.56"
      : item.kind == .yesNoOrAmount
        ? "yes, no, or an amount of zero or more"
        : "an amount of zero or more"
    let amount: Money
    switch AmountText.money(text) {
    case .success(let value): amount = value
    case .failure(let reason): return failure(AmountText.expectation(reason, what: what))
    }
    if item.kind != .signedAmount && amount.isNegative { return failure(what) }
    amounts[item, default: .zero] += amount
    if item.kind == .yesNoOrAmount {
      answers[item] = amounts[item, default: .zero] > .zero
    }
    return nil
  }

  private static func yesNo(_ text: String) -> Bool? {
    switch text.lowercased() {
    case "yes": return true
    case "no": return false
    default: return nil
    }
  }
}
