/// The check box at the top of a Form 8949 part, which says how the sales on that page were
/// reported to the IRS. Boxes A–F exist every year; G–L (digital assets on Form 1099-DA or
/// on no form) start with tax year 2025.
public enum Form8949Box: String, CaseIterable, Sendable, Comparable {
  case a = "A", b = "B", c = "C", d = "D", e = "E", f = "F"
  case g = "G", h = "H", i = "I", j = "J", k = "K", l = "L"

  /// The letter printed beside the check box.
  public var letter: String { rawValue }

  /// True for Part II boxes (long-term).
  public var isLongTerm: Bool {
    switch self {
    case .d, .e, .f, .j, .k, .l: return true
    default: return false
    }
  }

  /// The Schedule D line that receives this box's totals.
  public var scheduleDLine: String {
    switch self {
    case .a, .g: return "1b"
    case .b, .h: return "2"
    case .c, .i: return "3"
    case .d, .j: return "8b"
    case .e, .k: return "9"
    case .f, .l: return "10"
    }
  }

  /// The order boxes appear on the form: A, B, C, G, H, I in Part I; D, E, F, J, K, L in II.
  public var formOrder: Int {
    switch self {
    case .a: return 0
    case .b: return 1
    case .c: return 2
    case .g: return 3
    case .h: return 4
    case .i: return 5
    case .d: return 6
    case .e: return 7
    case .f: return 8
    case .j: return 9
    case .k: return 10
    case .l: return 11
    }
  }

  public static func < (lhs: Form8949Box, rhs: Form8949Box) -> Bool {
    lhs.formOrder < rhs.formOrder
  }

  /// The first tax year whose Form 8949 has boxes G–L.
  public static let firstDigitalAssetYear = 2025

  /// The box for a sale.
  ///
  /// Digital assets reported on Form 1099-B use A/B (D/E), as before 1099-DA existed; from
  /// 2025 a digital asset on Form 1099-DA uses G/H (J/K) and one on no form I (L). Before
  /// 2025 a digital asset on no form uses C (F).
  ///
  /// - Returns: nil for a Form 1099-DA sale before 2025, a combination that cannot exist.
  public static func forSale(
    longTerm: Bool, form: InformationReturn, basisReported: Bool, asset: AssetKind, taxYear: Int
  ) -> Form8949Box? {
    let digitalBoxes = asset.isDigitalAsset && taxYear >= firstDigitalAssetYear
    switch form {
    case .form1099B:
      if basisReported { return longTerm ? .d : .a }
      return longTerm ? .e : .b
    case .form1099DA:
      guard taxYear >= firstDigitalAssetYear else { return nil }
      if basisReported { return longTerm ? .j : .g }
      return longTerm ? .k : .h
    case .none:
      if digitalBoxes { return longTerm ? .l : .i }
      return longTerm ? .f : .c
    }
  }
}
