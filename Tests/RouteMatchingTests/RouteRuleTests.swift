import RouteMatching
import Testing

@Suite struct RouteRuleTests {
  @Test func keepsNameConditionAndAction() {
    let rule = RouteRule(name: "rule priority 5", condition: .port(80), action: "forward tg-a")
    #expect(rule.name == "rule priority 5")
    #expect(rule.condition == .port(80))
    #expect(rule.action == "forward tg-a")
  }
}
