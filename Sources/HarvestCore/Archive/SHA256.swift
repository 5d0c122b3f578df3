/// SHA-256 as specified in FIPS 180-4, used for the checksums of a report's input files.
public struct SHA256: Sendable {
  private static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]

  private var state: [UInt32] = [
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
    0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
  ]
  private var block: [UInt8] = []
  private var messageLength: UInt64 = 0

  /// Starts an empty message.
  public init() {
    block.reserveCapacity(64)
  }

  /// The digest of `bytes`, 32 bytes.
  public static func digest(_ bytes: [UInt8]) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// The digest of `bytes` as 64 lower-case hexadecimal digits.
  public static func hexDigest(_ bytes: [UInt8]) -> String {
    hex(digest(bytes))
  }

  /// Lower-case hexadecimal text of `bytes`.
  public static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// Adds more of the message.
  public mutating func update(_ bytes: [UInt8]) {
    messageLength &+= UInt64(bytes.count)
    var index = 0
    if !block.isEmpty {
      let take = min(64 - block.count, bytes.count)
      block.append(contentsOf: bytes[0..<take])
      index = take
      if block.count == 64 {
        compress(block, from: 0)
        block.removeAll(keepingCapacity: true)
      }
    }
    if bytes.count - index >= 64 {
      bytes.withUnsafeBufferPointer { buffer in
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
          while buffer.count - index >= 64 {
            compress(buffer, from: index, schedule: schedule)
            index += 64
          }
        }
      }
    }
    if index < bytes.count { block.append(contentsOf: bytes[index...]) }
  }

  /// Pads the message, processes the last blocks and returns the 32-byte digest.
  public mutating func finalize() -> [UInt8] {
    let bitLength = messageLength &* 8
    var tail = block
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
    }
    var offset = 0
    while offset < tail.count {
      compress(tail, from: offset)
      offset += 64
    }
    block.removeAll()

    var digest: [UInt8] = []
    digest.reserveCapacity(32)
    for word in state {
      for shift in stride(from: 24, through: 0, by: -8) {
        digest.append(UInt8(truncatingIfNeeded: word >> UInt32(shift)))
      }
    }
    return digest
  }

  private mutating func compress(_ bytes: [UInt8], from start: Int) {
    bytes.withUnsafeBufferPointer { buffer in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
        compress(buffer, from: start, schedule: schedule)
      }
    }
  }

  /// One 64-byte block; `schedule` is scratch space for the ring of 16 message words, kept on
  /// the stack so hashing a large file allocates nothing per block.
  ///
  /// The working variables stay in locals for the whole block, and the constants and message
  /// words are read through pointers checked once per block rather than once per round.
  private mutating func compress(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int,
    schedule: UnsafeMutableBufferPointer<UInt32>
  ) {
    precondition(start >= 0 && start + 64 <= bytes.count && schedule.count >= 16)
    guard let input = bytes.baseAddress, let w = schedule.baseAddress else { return }
    let block = UnsafeRawPointer(input + start)
    for t in 0..<16 {
      w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self))
    }

    var a = state[0], b = state[1], c = state[2], d = state[3]
    var e = state[4], f = state[5], g = state[6], h = state[7]
    SHA256.roundConstants.withUnsafeBufferPointer { constants in
      guard let k = constants.baseAddress else { return }
      // Eight rounds per pass, the variables renamed instead of shifted along. From round 16
      // each message word is expanded just before its round, so that the expansion's chain
      // of loads and stores overlaps the rounds' arithmetic instead of running before it.
      var t = 0
      while t < 64 {
        let expand = t >= 16
        round(a, b, c, &d, e, f, g, &h, k[t] &+ word(w, t, expand))
        round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ word(w, t + 1, expand))
        round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ word(w, t + 2, expand))
        round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ word(w, t + 3, expand))
        round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ word(w, t + 4, expand))
        round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ word(w, t + 5, expand))
        round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ word(w, t + 6, expand))
        round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ word(w, t + 7, expand))
        t += 8
      }
    }
    state[0] &+= a
    state[1] &+= b
    state[2] &+= c
    state[3] &+= d
    state[4] &+= e
    state[5] &+= f
    state[6] &+= g
    state[7] &+= h
  }

  /// Message word `t` of the block, from a ring of the last 16 words: as read for the first
  /// 16 rounds, then expanded and stored in place of the word 16 rounds before.
  @inline(__always)
  private func word(_ w: UnsafeMutablePointer<UInt32>, _ t: Int, _ expand: Bool) -> UInt32 {
    if !expand { return w[t & 15] }
    let w15 = w[(t - 15) & 15]
    let w2 = w[(t - 2) & 15]
    let sigma0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >> 3)
    let sigma1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >> 10)
    let next = sigma1 &+ w[(t - 7) & 15] &+ sigma0 &+ w[t & 15]
    w[t & 15] = next
    return next
  }

  /// One round: `d` gets the new `e` and `h` the new `a`; the caller renames the rest.
  @inline(__always)
  private func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ constantPlusWord: UInt32
  ) {
    let bigSigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
    let choose = g ^ (e & (f ^ g))
    let t1 = h &+ bigSigma1 &+ choose &+ constantPlusWord
    let bigSigma0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
    let majority = (a & b) | (c & (a | b))
    d = d &+ t1
    h = t1 &+ bigSigma0 &+ majority
  }

  @inline(__always)
  private func rotr(_ value: UInt32, _ count: UInt32) -> UInt32 {
    (value >> count) | (value << (32 - count))
  }
}
