import Foundation

/// An 8-bit gray image read from the PGM files `pdftoppm -gray` writes.
struct GrayImage {
  var width: Int
  var height: Int
  var pixels: [UInt8]

  /// Reads a binary PGM (P5) file.
  init?(pgm data: Data) {
    let bytes = [UInt8](data)
    var fields: [Int] = []
    var index = 2
    guard bytes.count > 2, bytes[0] == UInt8(ascii: "P"), bytes[1] == UInt8(ascii: "5") else {
      return nil
    }
    while fields.count < 3 && index < bytes.count {
      while index < bytes.count && (bytes[index] == 32 || bytes[index] == 10) { index += 1 }
      var value = 0
      while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
        value = value * 10 + Int(bytes[index] - 48)
        index += 1
      }
      fields.append(value)
    }
    index += 1
    width = fields[0]
    height = fields[1]
    guard bytes.count - index >= width * height else { return nil }
    pixels = Array(bytes[index..<index + width * height])
  }

  /// Which pixels are ink (darker than mid-gray).
  func ink() -> [Bool] {
    pixels.map { $0 < 160 }
  }

  /// A mask grown by `radius` pixels in every direction.
  static func dilate(_ mask: [Bool], width: Int, height: Int, radius: Int) -> [Bool] {
    var rows = [Bool](repeating: false, count: mask.count)
    for y in 0..<height {
      for x in 0..<width where mask[y * width + x] {
        for dx in max(0, x - radius)...min(width - 1, x + radius) { rows[y * width + dx] = true }
      }
    }
    var grown = [Bool](repeating: false, count: mask.count)
    for y in 0..<height {
      for x in 0..<width where rows[y * width + x] {
        for dy in max(0, y - radius)...min(height - 1, y + radius) { grown[dy * width + x] = true }
      }
    }
    return grown
  }
}
