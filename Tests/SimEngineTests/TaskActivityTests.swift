@testable import SimEngine
import SimKernel
import Testing

/// `TaskActivity` counts the second of the last arrival apart from its array: whatever second
/// is counted apart, the counts per second, the windows and equality are those of a plain count
/// per second.
@Suite struct TaskActivityTests {
  static func time(_ seconds: Double) -> SimTime { SimTime(nanoseconds: Int64(seconds * 1e9)) }

  /// A plain count per second of `times`, the way the activity must report it.
  static func plainCounts(_ times: [Double]) -> [Int] {
    var counts: [Int] = []
    for time in times {
      let second = Int(time)
      if second >= counts.count { counts += Array(repeating: 0, count: second + 1 - counts.count) }
      counts[second] += 1
    }
    return counts
  }

  @Test func countsMatchAPlainCountPerSecond() {
    // Arrivals in order, at second boundaries, with a gap, and out of order (an earlier second
    // after a later one, then the later one again).
    let times = [0, 0.5, 0.999_999_999, 1, 1.5, 4, 4.2, 2.5, 4.9, 3, 3.1, 7.000_000_001, 0.2]
    var activity = TaskActivity(task: "a/1", service: "a")
    for (index, time) in times.enumerated() {
      activity.record(Self.time(time))
      #expect(activity.perSecond == Self.plainCounts(Array(times[...index])))
      #expect(activity.requests == index + 1)
    }
    let counts = Self.plainCounts(times)
    for from in -1...9 {
      for to in from...10 {
        let expected = (max(0, from)..<max(max(0, from), min(counts.count, to))).reduce(0) { $0 + counts[$1] }
        #expect(activity.requests(fromSecond: from, toSecond: to) == expected, "window [\(from), \(to))")
      }
    }
    #expect(activity.firstRequest == .zero)
    #expect(activity.lastRequest == Self.time(0.2))
  }

  @Test func equalityIgnoresWhichSecondIsCountedApart() {
    var inOrder = TaskActivity(task: "a/1", service: "a")
    var reordered = TaskActivity(task: "a/1", service: "a")
    for time in [0.1, 1.1, 1.2] { inOrder.record(Self.time(time)) }
    for time in [1.1, 1.2, 0.1] { reordered.record(Self.time(time)) }
    reordered.firstRequest = Self.time(0.1)
    reordered.lastRequest = Self.time(1.2)
    #expect(inOrder == reordered)
    reordered.record(Self.time(1.3))
    #expect(inOrder != reordered)
  }
}
