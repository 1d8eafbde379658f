import SimKernel
import Testing

@Suite("StableHash")
struct StableHashTests {
  @Test("FNV-1a 64 reference vectors", arguments: [
    ("", 0xcbf2_9ce4_8422_2325),
    ("a", 0xaf63_dc4c_8601_ec8c),
    ("foobar", 0x8594_4171_f739_67e8),
  ] as [(String, UInt64)])
  func vectors(text: String, hash: UInt64) {
    #expect(StableHash.fnv1a64(text) == hash)
    #expect(StableHash.fnv1a64(bytes: Array(text.utf8)) == hash)
  }

  @Test("hashes UTF-8 bytes, not characters")
  func utf8() {
    #expect(StableHash.fnv1a64("é") == StableHash.fnv1a64(bytes: [0xc3, 0xa9]))
    #expect(StableHash.fnv1a64("ab") != StableHash.fnv1a64("ba"))
  }
}
