import SimKernel
import Testing

@Suite("Fingerprint")
struct FingerprintTests {
  @Test("a fresh fingerprint is the FNV-1a offset basis")
  func initial() {
    #expect(Fingerprint().value == StableHash.offsetBasis)
    #expect(Fingerprint().hexDigest == "cbf29ce484222325")
  }

  @Test("combining a word hashes its little-endian bytes")
  func wordBytes() {
    var fingerprint = Fingerprint()
    fingerprint.combine(0x0102_0304_0506_0708 as UInt64)
    fingerprint.combine(42 as UInt64)
    let bytes: [UInt8] = [8, 7, 6, 5, 4, 3, 2, 1, 42, 0, 0, 0, 0, 0, 0, 0]
    #expect(fingerprint.value == StableHash.fnv1a64(bytes: bytes))
  }

  @Test("order matters")
  func orderSensitive() {
    var forward = Fingerprint()
    forward.combine(1 as UInt64)
    forward.combine(2 as UInt64)
    var backward = Fingerprint()
    backward.combine(2 as UInt64)
    backward.combine(1 as UInt64)
    #expect(forward != backward)
  }

  @Test("text is delimited by its length")
  func textBoundaries() {
    var split1 = Fingerprint()
    split1.combine("ab")
    split1.combine("c")
    var split2 = Fingerprint()
    split2.combine("a")
    split2.combine("bc")
    #expect(split1 != split2)
    var text = Fingerprint()
    text.combine("hi")
    #expect(text.value == StableHash.fnv1a64(bytes: [104, 105, 2, 0, 0, 0, 0, 0, 0, 0]))
  }

  @Test("hexDigest has 16 lowercase digits with leading zeros")
  func hexDigest() {
    var found = false
    for word in UInt64(0)..<5_000 {
      var fingerprint = Fingerprint()
      fingerprint.combine(word)
      let digest = fingerprint.hexDigest
      #expect(digest.count == 16)
      #expect(digest.allSatisfy { "0123456789abcdef".contains($0) })
      #expect(UInt64(digest, radix: 16) == fingerprint.value)
      if fingerprint.value < 1 << 60 { found = true }
    }
    #expect(found, "no value with a leading zero digit was exercised")
  }
}

@Suite("Fingerprint zero-byte folding")
struct FingerprintFoldingTests {
  /// Byte-at-a-time FNV-1a, the definition `combine(_:)` must reproduce.
  static func reference(_ state: UInt64, _ word: UInt64) -> UInt64 {
    var hash = state
    var rest = word
    for _ in 0..<8 {
      hash = (hash ^ (rest & 0xff)) &* 0x0000_0100_0000_01b3
      rest &>>= 8
    }
    return hash
  }

  @Test("combine equals byte-at-a-time FNV-1a for words with any number of high zero bytes")
  func matchesReference() {
    var random = RandomSource(seed: 5, stream: "fingerprint-folding")
    var fingerprint = Fingerprint()
    var expected = Fingerprint().value
    for step in 0..<2000 {
      let width = UInt64(step % 9) * 8
      let word = width == 0 ? 0 : random.next() >> (64 - width)
      fingerprint.combine(word)
      expected = FingerprintFoldingTests.reference(expected, word)
      #expect(fingerprint.value == expected, "word \(word)")
    }
    let tagged: [UInt64] = [2 << 56 | 12345, 0xff << 56, 1 << 56 | 0xffff_ffff, 6 << 56, 0x00ff_0000_0000_0001]
    for word: UInt64 in [0, 1, 0xff, 0x100, 0xff00_0000_0000_0000, .max, 1 << 63, 1 << 39, 1 << 40] + tagged {
      var single = Fingerprint()
      single.combine(word)
      #expect(single.value == FingerprintFoldingTests.reference(Fingerprint().value, word))
    }
  }
}
