import RouteMatching
import Testing

@Suite struct RouteDecisionTests {
  @Test func rendersOneLinePerEvaluatedRule() {
    let decision = RouteDecision<String>(
      matchedIndex: 1, action: "b",
      evaluated: [
        (name: "rule priority 1", outcome: .notMatched(reason: "port: expected 81, found 80")),
        (name: "rule priority 2", outcome: .matched),
      ])
    #expect(
      decision.lines == [
        "rule priority 1: not matched — port: expected 81, found 80",
        "rule priority 2: matched",
      ])
  }

  @Test func saysWhenNoRuleMatched() {
    let decision = RouteDecision<String>(
      matchedIndex: nil, action: nil,
      evaluated: [(name: "route api", outcome: .notMatched(reason: "r"))])
    #expect(decision.lines == ["route api: not matched — r", "no rule matched"])
  }
}
