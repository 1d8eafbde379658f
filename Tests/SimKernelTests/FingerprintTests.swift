import SimKernel
import Testing

@Suite("Fingerprint")
struct FingerprintTests {
  @Test("a fresh fingerprint is the FNV-1a offset basis")
  func initial() {
    #expect(Fingerprint().value == StableHash.offsetBasis)
    #expect(Fingerprint().hexDigest == "cbf29ce484222325")
  }

  @Test("combining a word is one xor-multiply step and an xor-shift")
  func wordStep() {
    var fingerprint = Fingerprint()
    fingerprint.combine(0x0102_0304_0506_0708 as UInt64)
    var expected = (StableHash.offsetBasis ^ 0x0102_0304_0506_0708) &* 0x9E37_79B9_7F4A_7C15
    expected ^= expected >> 29
    #expect(fingerprint.value == expected)
  }

  @Test("changing any one word, in any bit, changes the digest (each step is a bijection)")
  func singleWordChanges() {
    let words: [UInt64] = [0, 1, 42, 1 << 40, 0xdead_beef, .max]
    var base = Fingerprint()
    for word in words { base.combine(word) }
    for position in words.indices {
      for bit in [0, 1, 31, 32, 62, 63] {
        var changed = Fingerprint()
        for (index, word) in words.enumerated() { changed.combine(index == position ? word ^ (1 << bit) : word) }
        #expect(changed != base, "word \(position) bit \(bit)")
      }
    }
    var twice = Fingerprint()  // two flips of the top bit in different words do not cancel
    for (index, word) in words.enumerated() { twice.combine(index == 1 || index == 3 ? word ^ (1 << 63) : word) }
    #expect(twice != base)
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
    var bytes = StableHash.fnv1a64(bytes: [104, 105])
    bytes = (bytes ^ 2) &* 0x9E37_79B9_7F4A_7C15
    #expect(text.value == bytes ^ (bytes >> 29))
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
