import SimKernel
import Testing

@Suite("SimDuration")
struct SimDurationTests {
  @Test(
    "parse reads valid durations exactly",
    arguments: [
      ("30s", 30_000_000_000),
      ("250ms", 250_000_000),
      ("1.5s", 1_500_000_000),
      ("2m", 120_000_000_000),
      ("100us", 100_000),
      ("100µs", 100_000),
      ("10ns", 10),
      ("0s", 0),
      ("0ns", 0),
      ("0.001ms", 1_000),
      ("0.000001ms", 1),
      ("1.000000001s", 1_000_000_001),
      ("1.50s", 1_500_000_000),
      ("0.5m", 30_000_000_000),
      ("1.25h", 4_500_000_000_000),
      ("007ms", 7_000_000),
      ("9223372036854775807ns", Int64.max),
      ("9223372036.854775807s", Int64.max),
    ] as [(String, Int64)])
  func parseValid(text: String, nanoseconds: Int64) {
    #expect(SimDuration.parse(text) == SimDuration(nanoseconds: nanoseconds), "\(text)")
  }

  @Test(
    "parse rejects malformed, negative, inexact and overflowing text",
    arguments: [
      "", "s", "30", "1.5", "-1s", "+1s", " 1s", "1s ", "1 s", "1.s", ".5s", "1..5s", "1.5.5s",
      "0.5ns", "1.0000000001s", "1e3ms", "10sec", "10S", "1ms1", "1/2s", "abc",
      "9223372036854775808ns", "9223372036.854775808s", "99999999999999999999ns", "200000000h",
      "1.00000000000000000000000001s",
    ])
  func parseInvalid(text: String) {
    #expect(SimDuration.parse(text) == nil, "\(text)")
  }

  @Test(
    "millisecondsDecimal is the shortest exact decimal",
    arguments: [
      (3_100_000, "3.1"),
      (3_000_000, "3"),
      (1, "0.000001"),
      (0, "0"),
      (-1_500_000, "-1.5"),
      (-1, "-0.000001"),
      (123_456_789, "123.456789"),
      (1_000_000_000, "1000"),
      (Int64.max, "9223372036854.775807"),
      (Int64.min, "-9223372036854.775808"),
    ] as [(Int64, String)])
  func millisecondsDecimal(nanoseconds: Int64, text: String) {
    #expect(SimDuration(nanoseconds: nanoseconds).millisecondsDecimal == text)
  }

  @Test(
    "description is compact",
    arguments: [
      (SimDuration.milliseconds(1) + .microseconds(500), "1.5ms"),
      (.seconds(30), "30s"),
      (.minutes(2), "2m"),
      (.seconds(90), "90s"),
      (.minutes(90), "90m"),
      (.minutes(120), "2h"),
      (.microseconds(250), "250us"),
      (.nanoseconds(10), "10ns"),
      (.zero, "0s"),
      (.nanoseconds(1_500), "1.5us"),
      (.nanoseconds(1_000_000_001), "1.000000001s"),
      (-SimDuration.milliseconds(5), "-5ms"),
    ] as [(SimDuration, String)])
  func description(duration: SimDuration, text: String) {
    #expect(duration.description == text)
  }

  @Test("description parses back to the same duration")
  func descriptionRoundTrips() {
    var random = RandomSource(seed: 7)
    for _ in 0..<2_000 {
      let magnitude = Int(random.nextInt(below: 19))
      var limit: UInt64 = 1
      for _ in 0..<magnitude { limit *= 10 }
      let duration = SimDuration(nanoseconds: Int64(random.nextInt(below: limit)))
      #expect(SimDuration.parse(duration.description) == duration, "\(duration.nanoseconds)")
    }
  }

  @Test("constructors and arithmetic")
  func arithmetic() {
    #expect(SimDuration.microseconds(3).nanoseconds == 3_000)
    #expect(SimDuration.milliseconds(3).nanoseconds == 3_000_000)
    #expect(SimDuration.seconds(3).nanoseconds == 3_000_000_000)
    #expect(SimDuration.minutes(3).nanoseconds == 180_000_000_000)
    #expect(SimDuration.nanoseconds(3).nanoseconds == 3)
    #expect(SimDuration.seconds(1) + .milliseconds(500) == .milliseconds(1_500))
    #expect(SimDuration.seconds(1) - .milliseconds(1_500) == .milliseconds(-500))
    #expect(SimDuration.milliseconds(3) * 4 == .milliseconds(12))
    #expect(SimDuration.milliseconds(10) / 4 == .microseconds(2_500))
    #expect(SimDuration.nanoseconds(7) / 2 == .nanoseconds(3))
    #expect(SimDuration.zero < .nanoseconds(1))
    #expect(SimDuration.seconds(1) > .milliseconds(999))
  }
}
