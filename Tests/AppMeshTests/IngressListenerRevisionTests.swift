import NetworkModel
import SimEngine
import SimKernel
import Testing

/// The sidecar ingress keeps its listener's facts (the per-request timeout it gives the
/// application) per configuration revision: an `updateVirtualNode` mid-run must take effect
/// for the requests that follow it (AWS behaviour §1.9).
@Suite struct IngressListenerRevisionTests {
  typealias F = AppMeshFixture

  static func node(timeoutSeconds: Int) -> F.JSON {
    F.node(
      "slow-vn", service: "slow",
      listener: ["timeout": ["http": ["perRequest": ["value": timeoutSeconds, "unit": "s"]]]])
  }

  @Test func aListenerTimeoutUpdateAppliesToLaterRequests() {
    let scenario = F.scenario(
      appMesh: ["virtualNodes": [Self.node(timeoutSeconds: 1)]],
      taskDefinitions: [F.task("slow", node: "slow-vn", behavior: ["body": "slow", "latency": "3s"])],
      services: [F.service("slow", "slow")],
      traffic: [
        F.traffic("before", url: "http://slow.mesh.local:8080/", count: 3, rate: "1/s"),
        F.traffic("after", url: "http://slow.mesh.local:8080/", count: 3, rate: "1/s", start: "30s"),
      ],
      events: [["at": "20s", "updateVirtualNode": Self.node(timeoutSeconds: 10)]])
    let result = F.run(scenario)
    // 1 s listener timeout, 3 s of work: the ingress answers 504 itself.
    #expect(result.count("before", status: 504, disposition: "timedOut") == 3)
    // After the update the listener waits 10 s: the application's answer comes through.
    #expect(result.count("after", status: 200) == 3)
  }

  @Test func aListenerTimeoutUpdateCanAlsoShortenIt() {
    let scenario = F.scenario(
      appMesh: ["virtualNodes": [Self.node(timeoutSeconds: 10)]],
      taskDefinitions: [F.task("slow", node: "slow-vn", behavior: ["body": "slow", "latency": "3s"])],
      services: [F.service("slow", "slow")],
      traffic: [
        F.traffic("before", url: "http://slow.mesh.local:8080/", count: 3, rate: "1/s"),
        F.traffic("after", url: "http://slow.mesh.local:8080/", count: 3, rate: "1/s", start: "30s"),
      ],
      events: [["at": "20s", "updateVirtualNode": Self.node(timeoutSeconds: 1)]])
    let result = F.run(scenario)
    #expect(result.count("before", status: 200) == 3)
    #expect(result.count("after", status: 504, disposition: "timedOut") == 3)
  }
}
