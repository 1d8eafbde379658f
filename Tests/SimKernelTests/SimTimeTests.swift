import SimKernel
import Testing

@Suite("SimTime")
struct SimTimeTests {
  @Test("adding and subtracting durations")
  func arithmetic() {
    let start = SimTime.zero + .milliseconds(1_500)
    #expect(start.nanoseconds == 1_500_000_000)
    #expect(start - .milliseconds(500) == SimTime(nanoseconds: 1_000_000_000))
    #expect(start - SimTime(nanoseconds: 500_000_000) == .seconds(1))
    #expect(SimTime(nanoseconds: 5) - SimTime(nanoseconds: 8) == .nanoseconds(-3))
    #expect(SimTime.zero < start)
    #expect(start.sinceStart == .milliseconds(1_500))
  }

  @Test("description", arguments: [
    (SimTime.zero, "t=0s"),
    (SimTime(nanoseconds: 1_500_000_000), "t=1.5s"),
    (SimTime(nanoseconds: 2_500_000), "t=2.5ms"),
    (SimTime(nanoseconds: 120_000_000_000), "t=2m"),
  ] as [(SimTime, String)])
  func description(time: SimTime, text: String) {
    #expect(time.description == text)
  }
}
