import MeshSimCLI
import Testing

/// The paths of requests in bundled scenarios, where an expectation can only see the end of the
/// path: `meshsim explain` must show the hops the documented behaviour goes through.
@Suite struct ScenarioPathTests {
  struct Case: CustomTestStringConvertible, Sendable {
    /// What the path shows, e.g. "§7 item 28".
    var name: String
    var scenario: String
    var traffic: String
    var index: Int
    /// Fragments that must appear in the explanation, in this order.
    var hops: [String]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "§7 item 28: alias port 80 on the local proxy, container port 8080 upstream",
      scenario: "Scenarios/behaviours/28-alias-port-to-container-port.json",
      traffic: "through-service-connect", index: 0,
      hops: [
        "/etc/hosts: orders → 127.255.0.",
        "service-connect proxy (web/1)",
        "listener 127.255.0.1:80 (orders)",
        "round robin picks 10.1.", ":8080 (orders/",
        "tcp/8080 from members of sg-web",
        "server listener :8080 (orders) → application container 'orders' on :8080",
        "client receives 200",
      ]),
    Case(
      name: "case yl-1: Route 53 alias, internal ALB, appserver task",
      scenario: "Scenarios/service-connect/yelb-migration.json",
      traffic: "ui-to-appserver-before", index: 3,
      hops: [
        "Cloud Map alias yelb-appserver.yelb.lb.internal → internal-serviceconnect-appserver",
        "ALB 'serviceconnect-appserver', internal",
        "listener HTTP:4567 of ALB 'serviceconnect-appserver'",
        "target group 'serviceconnect-appserver' → target", ":4567 (yelb-appserver/",
        "client receives 200",
      ]),
    Case(
      name: "case yl-5: internet-facing ALB, yelb-ui task on port 80",
      scenario: "Scenarios/service-connect/yelb-migration.json",
      traffic: "internet-to-ui", index: 3,
      hops: [
        "ALB 'yelb-serviceconnect', internet-facing",
        "tcp/80 from 0.0.0.0/0",
        "target group 'yelb-serviceconnect' → target", ":80 (yelb-ui/",
        "tcp/80 from members of sg-yelb-lb",
        "client receives 200",
      ]),
  ]

  @Test(arguments: cases)
  func explainShowsTheHops(_ example: Case) {
    let console = Console(capturing: true)
    let status = MeshSimCommand.main(
      [
        "explain", GoldenScenario.root + "/" + example.scenario, "--traffic", example.traffic,
        "--index", String(example.index),
      ], console: console)
    #expect(status == 0, "\(console.standardError)")
    var rest = Substring(console.standardOutput)
    for hop in example.hops {
      guard let found = rest.range(of: hop) else {
        Issue.record("'\(hop)' missing (or out of order) in:\n\(console.standardOutput)")
        return
      }
      rest = rest[found.upperBound...]
    }
  }
}
