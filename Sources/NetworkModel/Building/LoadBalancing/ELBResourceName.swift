/// Reads the resource kind and name out of an Elastic Load Balancing ARN such as
/// `arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/blue-targets/73e2d6bc24d8a067`.
///
/// Scenarios pasted from walkthroughs refer to resources by ARNs whose random ids MeshSim cannot
/// know; the name inside the ARN is what identifies the resource.
struct ELBResourceName: Equatable {
  /// `loadbalancer`, `targetgroup`, `listener` or `listener-rule`.
  var kind: String
  /// The load balancer or target group name (for listeners and rules, their load balancer's).
  var name: String

  init(kind: String, name: String) {
    self.kind = kind
    self.name = name
  }

  /// Parses an ELB ARN; nil for anything else.
  init?(arn: String) {
    let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    guard parts.count == 6, parts[0] == "arn", parts[2] == "elasticloadbalancing" else {
      return nil
    }
    let path = parts[5].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard let kind = path.first else { return nil }
    switch kind {
    case "targetgroup" where path.count >= 2:
      self.init(kind: kind, name: path[1])
    case "loadbalancer", "listener", "listener-rule":
      guard path.count >= 3 else { return nil }
      self.init(kind: kind, name: path[2])
    default:
      return nil
    }
  }
}
