import Testing

@testable import RouteMatching

@Suite struct ASCIICaseFoldingTests {
  @Test func foldsOnlyASCIILetters() {
    #expect(ASCIICaseFolding.fold(UInt8(ascii: "A")) == UInt8(ascii: "a"))
    #expect(ASCIICaseFolding.fold(UInt8(ascii: "Z")) == UInt8(ascii: "z"))
    #expect(ASCIICaseFolding.fold(UInt8(ascii: "a")) == UInt8(ascii: "a"))
    #expect(ASCIICaseFolding.fold(UInt8(ascii: "@")) == UInt8(ascii: "@"))
    #expect(ASCIICaseFolding.fold(UInt8(ascii: "[")) == UInt8(ascii: "["))
    #expect(ASCIICaseFolding.fold(0xC3) == 0xC3)
  }

  @Test func lowercasesASCIIAndKeepsOtherCharacters() {
    #expect(ASCIICaseFolding.lowercased("X-Env: PROD") == "x-env: prod")
    #expect(ASCIICaseFolding.lowercased("ÉCOLE") == "École")
    #expect(ASCIICaseFolding.lowercased("already") == "already")
  }

  struct Comparison: Sendable, CustomTestStringConvertible {
    let text: String
    let other: String
    let caseSensitive: Bool
    let equal: Bool
    let prefix: Bool
    let suffix: Bool
    let contains: Bool
    var testDescription: String { "'\(text)' vs '\(other)' caseSensitive=\(caseSensitive)" }
  }

  @Test(arguments: [
    Comparison(
      text: "prod", other: "prod", caseSensitive: true,
      equal: true, prefix: true, suffix: true, contains: true),
    Comparison(
      text: "PROD", other: "prod", caseSensitive: true,
      equal: false, prefix: false, suffix: false, contains: false),
    Comparison(
      text: "PROD", other: "prod", caseSensitive: false,
      equal: true, prefix: true, suffix: true, contains: true),
    Comparison(
      text: "/API/x", other: "/api", caseSensitive: false,
      equal: false, prefix: true, suffix: false, contains: true),
    Comparison(
      text: "www.Example.com", other: "example.COM", caseSensitive: false,
      equal: false, prefix: false, suffix: true, contains: true),
    Comparison(
      text: "a-canary-b", other: "CANARY", caseSensitive: false,
      equal: false, prefix: false, suffix: false, contains: true),
    Comparison(
      text: "ab", other: "abc", caseSensitive: true,
      equal: false, prefix: false, suffix: false, contains: false),
    Comparison(
      text: "anything", other: "", caseSensitive: true,
      equal: false, prefix: true, suffix: true, contains: true),
    Comparison(
      text: "é", other: "É", caseSensitive: false,
      equal: false, prefix: false, suffix: false, contains: false),
  ])
  func comparesBytesWithOptionalFolding(_ row: Comparison) {
    #expect(
      ASCIICaseFolding.equal(row.text, row.other, caseSensitive: row.caseSensitive) == row.equal)
    #expect(
      ASCIICaseFolding.hasPrefix(row.text, row.other, caseSensitive: row.caseSensitive)
        == row.prefix)
    #expect(
      ASCIICaseFolding.hasSuffix(row.text, row.other, caseSensitive: row.caseSensitive)
        == row.suffix)
    #expect(
      ASCIICaseFolding.contains(row.text, row.other, caseSensitive: row.caseSensitive)
        == row.contains)
  }

  @Test func comparesBytesNotCanonicalEquivalence() {
    // "é" precomposed vs "e" + combining acute: equal as Swift Strings, different on the wire.
    let precomposed = "\u{E9}"
    let decomposed = "e\u{301}"
    #expect(precomposed == decomposed)
    #expect(!ASCIICaseFolding.equal(precomposed, decomposed, caseSensitive: true))
  }

  @Test func readsLongNonSmallStrings() {
    let long = String(repeating: "abcdefghij", count: 20) + "TAIL"
    #expect(ASCIICaseFolding.hasSuffix(long, "tail", caseSensitive: false))
    #expect(ASCIICaseFolding.contains(long, "JABC", caseSensitive: false))
    #expect(!ASCIICaseFolding.contains(long, "JABC", caseSensitive: true))
  }
}
