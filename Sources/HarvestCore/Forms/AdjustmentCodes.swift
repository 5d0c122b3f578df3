/// The letters of a Form 8949 column (f) entry, kept as one bit per letter: the IRS codes are
/// single capital letters entered in alphabetical order, so the set gives back the text.
struct AdjustmentCodes: Sendable, Equatable {
  private var letters: UInt32
  private static let washSaleOnly: UInt32 = 1 << 22

  /// Code W alone: a wash-sale loss disallowed.
  static let washSale = AdjustmentCodes(letters: washSaleOnly)

  private init(letters: UInt32) {
    self.letters = letters
  }

  /// True when there is no code.
  var isEmpty: Bool { letters == 0 }

  /// The codes of `text`, which must be capital letters in alphabetical order, each once.
  init(_ text: String) {
    var letters: UInt32 = 0
    var previous: UInt8 = 0
    for byte in text.utf8 {
      precondition(
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") && byte > previous,
        "column (f) codes are capital letters in alphabetical order, each once: \(text)")
      letters |= 1 << UInt32(byte - UInt8(ascii: "A"))
      previous = byte
    }
    self.letters = letters
  }

  /// The codes as column (f) prints them.
  var text: String {
    // Every row but a few has no code or code W alone.
    if letters == 0 { return "" }
    if letters == AdjustmentCodes.washSaleOnly { return "W" }
    var text = ""
    for index in 0..<26 where letters & (1 << UInt32(index)) != 0 {
      text.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "A") + UInt8(index)))
    }
    return text
  }
}

/// The reasons a row's basis is not what the shares cost, as the basis statement words them.
enum BasisNote: UInt8, Sendable, Equatable {
  case none
  case washSale
  case inherited
  case inheritedWashSale
  case transferredIn
  case transferredInWashSale

  private static let texts = [
    "", "wash sale", "inherited", "inherited, wash sale", "transferred in",
    "transferred in, wash sale",
  ]

  /// The note worded `text`, which must be one of the notes above.
  init(_ text: String) {
    guard let index = BasisNote.texts.firstIndex(of: text) else {
      preconditionFailure("not a basis note: \(text)")
    }
    self.init(rawValue: UInt8(index))!
  }

  /// The note's words.
  var text: String { BasisNote.texts[Int(rawValue)] }
}
