import ScenarioFormat
import Testing

@Suite struct JSONNumberTests {
  @Test(
    arguments: [
      ("0", 0), ("-0", 0), ("8080", 8080), ("-12", -12),
      ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
      ("9223372036854775808", nil), ("1.0", nil), ("1e3", nil), ("-1E-2", nil),
    ] as [(String, Int64?)])
  func int64ValueOnlyForPlainIntegersThatFit(text: String, value: Int64?) {
    #expect(JSONNumber(text: text).int64Value == value)
  }

  @Test(arguments: [
    ("0", 0.0), ("-1.5e3", -1500.0), ("0.1", 0.1), ("1e999", Double.infinity),
    ("-1e999", -Double.infinity), ("1e-999", 0.0),
    ("123456789012345678901234567890", 1.2345678901234568e29),
  ])
  func doubleValueIsNearest(text: String, value: Double) {
    #expect(JSONNumber(text: text).doubleValue == value)
  }

  @Test func equalityIsTextual() {
    #expect(JSONNumber(text: "1") != JSONNumber(text: "1.0"))
    #expect(JSONNumber(42) == JSONNumber(text: "42"))
    #expect(JSONNumber(text: "1").isInteger)
    #expect(!JSONNumber(text: "-").isInteger)
    #expect(!JSONNumber(text: "").isInteger)
  }
}
