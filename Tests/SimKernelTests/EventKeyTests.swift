import SimKernel
import Testing

@Suite("EventKey and EventPriority")
struct EventKeyTests {
  @Test("urgent sorts before normal")
  func priorityOrder() {
    #expect(EventPriority.urgent < .normal)
    #expect(!(EventPriority.normal < .urgent))
  }

  @Test("orders by time, then priority, then sequence", arguments: [
    (key(1, .normal, 9), key(2, .urgent, 0)),
    (key(1, .urgent, 9), key(1, .normal, 0)),
    (key(1, .normal, 3), key(1, .normal, 4)),
    (key(1, .urgent, 3), key(1, .urgent, 4)),
  ])
  func ordering(earlier: EventKey, later: EventKey) {
    #expect(earlier < later)
    #expect(!(later < earlier))
    #expect(earlier != later)
  }

  @Test("equal keys are not less than each other")
  func equality() {
    #expect(key(5, .normal, 1) == key(5, .normal, 1))
    #expect(!(key(5, .normal, 1) < key(5, .normal, 1)))
  }
}

private func key(_ time: Int64, _ priority: EventPriority, _ sequence: UInt64) -> EventKey {
  EventKey(time: SimTime(nanoseconds: time), priority: priority, sequence: sequence)
}
