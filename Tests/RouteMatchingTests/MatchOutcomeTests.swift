import RouteMatching
import Testing

@Suite struct MatchOutcomeTests {
  @Test func reportsMatchAndReason() {
    let matched = MatchOutcome.matched
    let failed = MatchOutcome.notMatched(reason: "port: expected 80, found 81")
    #expect(matched.isMatch)
    #expect(matched.reason == nil)
    #expect(!failed.isMatch)
    #expect(failed.reason == "port: expected 80, found 81")
    #expect(failed != .notMatched(reason: "other"))
  }
}
