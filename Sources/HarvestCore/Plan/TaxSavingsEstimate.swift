/// How a year's net short-term (line 7) and long-term (line 15) results are taxed, reduced to
/// the two amounts the marginal rates apply to, and what a change in them saves.
public struct TaxSavingsEstimate: Sendable, Equatable {
  /// Income taxed at the ordinary rate: a net short-term gain, or the capital loss deducted
  /// from other income (negative, at most the loss limit).
  public var ordinary: Money
  /// Net long-term gain taxed at the long-term rate.
  public var longTerm: Money

  /// Nets line 7 and line 15 the way Schedule D Part III does.
  ///
  /// - Parameters:
  ///   - shortTerm: Schedule D line 7.
  ///   - longTerm: Schedule D line 15.
  ///   - lossLimit: the line 21 limit ($3,000, $1,500 for mfs).
  public init(shortTerm: Money, longTerm: Money, lossLimit: Money) {
    let net = shortTerm + longTerm
    if shortTerm > .zero && longTerm > .zero {
      ordinary = shortTerm
      self.longTerm = longTerm
    } else if net <= .zero {
      ordinary = Money.max(net, -lossLimit)
      self.longTerm = .zero
    } else if longTerm > .zero {
      // A short-term loss absorbs part of the long-term gain; the rest keeps its character.
      ordinary = .zero
      self.longTerm = net
    } else {
      ordinary = net
      self.longTerm = .zero
    }
  }

  /// The tax saved by going from `before` to `after`: the drop in ordinary income at the
  /// ordinary rate plus the drop in long-term gain at the long-term rate.
  ///
  /// - Returns: the saving, or nil when a rate is needed for a non-zero drop and not given.
  public static func saved(
    from before: TaxSavingsEstimate, to after: TaxSavingsEstimate,
    ordinaryRate: TaxRate?, longTermRate: TaxRate?
  ) -> Money? {
    let ordinaryDrop = before.ordinary - after.ordinary
    let longTermDrop = before.longTerm - after.longTerm
    var saved = Money.zero
    if ordinaryDrop != .zero {
      guard let ordinaryRate else { return nil }
      saved += ordinaryRate.tax(on: ordinaryDrop)
    }
    if longTermDrop != .zero {
      guard let longTermRate else { return nil }
      saved += longTermRate.tax(on: longTermDrop)
    }
    if ordinaryRate == nil && longTermRate == nil { return nil }
    return saved
  }
}
