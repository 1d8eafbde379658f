import RouteMatching
import Testing

@Suite struct WeightedChoiceTests {
  struct Row: Sendable, CustomTestStringConvertible {
    let weights: [(element: String, weight: Int)]
    let randomValue: UInt64
    let expected: String?
    init(_ weights: [(element: String, weight: Int)], _ randomValue: UInt64, _ expected: String?) {
      self.weights = weights
      self.randomValue = randomValue
      self.expected = expected
    }
    var testDescription: String {
      weights.map { "\($0.element):\($0.weight)" }.joined(separator: "/") + " r=\(randomValue)"
    }
  }

  static let ninetyTen = [(element: "v1", weight: 90), (element: "v2", weight: 10)]
  static let fiftyTen = [(element: "a", weight: 50), (element: "b", weight: 10)]
  static let withZero = [
    (element: "z1", weight: 0), (element: "v", weight: 10), (element: "z2", weight: 0),
  ]

  // Boundaries: r = 0, w1 − 1 and w1 (Envoy `random_value % total_weight`, cumulative weights).
  @Test(arguments: [
    Row(ninetyTen, 0, "v1"), Row(ninetyTen, 89, "v1"), Row(ninetyTen, 90, "v2"),
    Row(ninetyTen, 99, "v2"), Row(ninetyTen, 100, "v1"), Row(ninetyTen, 190, "v2"),
    Row(fiftyTen, 0, "a"), Row(fiftyTen, 49, "a"), Row(fiftyTen, 50, "b"), Row(fiftyTen, 59, "b"),
    Row(fiftyTen, 60, "a"),
    Row(withZero, 0, "v"), Row(withZero, 9, "v"), Row(withZero, 10, "v"),
    Row([(element: "only", weight: 0)], 0, nil),
    Row([], 7, nil),
    Row([(element: "x", weight: -5), (element: "y", weight: 1)], 3, "y"),
    Row(ninetyTen, UInt64.max, "v1"),  // UInt64.max % 100 == 15
  ])
  func picksByCumulativeWeight(_ row: Row) {
    #expect(WeightedChoice(row.weights).pick(randomValue: row.randomValue) == row.expected)
  }

  @Test func sharesFollowRelativeWeights() {
    // Behaviours 12 and 35: 90/10 ⇒ 9,000/1,000 of 10,000; 50/10 ⇒ 5:1; Lattice 10/20 ⇒ 1:2;
    // a weight-0 target receives nothing.
    func counts(_ weights: [(element: String, weight: Int)], draws: UInt64) -> [String: Int] {
      let choice = WeightedChoice(weights)
      var result: [String: Int] = [:]
      for value in 0..<draws {
        if let picked = choice.pick(randomValue: (value &* 0x9E37_79B9_7F4A_7C15) >> 11) {
          result[picked, default: 0] += 1
        }
      }
      return result
    }
    let sequential = WeightedChoice(Self.ninetyTen)
    let picks = (0..<UInt64(10_000)).compactMap { sequential.pick(randomValue: $0) }
    #expect(picks.filter { $0 == "v1" }.count == 9_000)
    #expect(picks.filter { $0 == "v2" }.count == 1_000)
    let fifty = counts(Self.fiftyTen, draws: 60_000)
    #expect(abs(fifty["a", default: 0] - 50_000) < 1_000)
    let lattice = counts(
      [(element: "tg-a", weight: 10), (element: "tg-b", weight: 20)], draws: 30_000)
    #expect(abs(lattice["tg-b", default: 0] - 20_000) < 1_000)
    #expect(counts(Self.withZero, draws: 5_000) == ["v": 5_000])
  }

  @Test func totalWeightTracksEntries() {
    var choice = WeightedChoice(Self.fiftyTen)
    #expect(choice.totalWeight == 60)
    choice.entries.append((element: "c", weight: 40))
    #expect(choice.totalWeight == 100)
    #expect(choice.pickIndex(randomValue: 60) == 2)
    choice.entries = []
    #expect(choice.totalWeight == 0)
    #expect(choice.pickIndex(randomValue: 0) == nil)
  }

  @Test func hugeWeightsSaturateInsteadOfTrapping() {
    let choice = WeightedChoice([(element: "a", weight: Int.max), (element: "b", weight: Int.max)])
    #expect(choice.totalWeight == Int.max)
    #expect(choice.pick(randomValue: UInt64.max) != nil)
  }
}
