import SimKernel
import Testing

@Suite("Ratio")
struct RatioTests {
  @Test("parse reads fractions, decimals and percentages exactly", arguments: [
    ("1/10", 1, 10),
    ("0/5", 0, 5),
    ("3/3", 3, 3),
    ("0.25", 25, 100),
    ("0.250", 25, 100),
    ("25%", 25, 100),
    ("12.5%", 125, 1_000),
    ("100%", 100, 100),
    ("0%", 0, 100),
    ("1", 1, 1),
    ("0", 0, 1),
    ("1.0", 1, 1),
    ("0.000001", 1, 1_000_000),
    ("0.0000000000000000001", 1, 10_000_000_000_000_000_000),
  ] as [(String, UInt64, UInt64)])
  func parseValid(text: String, numerator: UInt64, denominator: UInt64) {
    let ratio = Ratio.parse(text)
    #expect(ratio?.numerator == numerator, "\(text)")
    #expect(ratio?.denominator == denominator, "\(text)")
  }

  @Test("parse rejects values above 1 and malformed text", arguments: [
    "", "2", "1.5", "101%", "100.1%", "2/1", "1/0", "-0.5", "+0.5", "0.5 ", " 1/2", "1 / 2",
    "1/2/3", "/2", "1/", ".5", "5.", "%", "50%%", "abc", "0x1", "1e-2",
    "0.00000000000000000001", "99999999999999999999/1",
  ])
  func parseInvalid(text: String) {
    #expect(Ratio.parse(text) == nil, "\(text)")
  }

  @Test("equality and hashing compare values")
  func valueEquality() {
    #expect(Ratio(1, 2) == Ratio(50, 100))
    #expect(Ratio(1, 3) != Ratio(33, 100))
    #expect(Set([Ratio(1, 2), Ratio(2, 4), Ratio(3, 6)]).count == 1)
    #expect(Ratio(0, 7) == .zero)
    #expect(Ratio(7, 7) == .one)
    #expect(Ratio(10, 40).reduced.numerator == 1)
    #expect(Ratio(10, 40).reduced.denominator == 4)
  }

  @Test("zero, one and description")
  func basics() {
    #expect(Ratio.zero.isZero)
    #expect(!Ratio.one.isZero)
    #expect(Ratio.one.isOne)
    #expect(Ratio(1, 10).description == "1/10")
    #expect(Ratio.parse("25%")?.description == "25/100")
  }
}
