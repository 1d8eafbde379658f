import RouteMatching
import ScenarioFormat

/// A listener: a protocol and port on a load balancer, its rules (ALB) and default action.
///
/// ALB rules are evaluated in ascending priority; the first whose conditions all hold decides,
/// then the default action (Elastic Load Balancing, "Listener rules"). `routeTable` holds them
/// in that order with the default action last, so runtime evaluation is first match in order.
/// An NLB listener has no rules: its default action forwards to one target group.
public struct LoadBalancerListener: Sendable {
  /// `<load balancer>:<port>`, how references and explanations name the listener.
  public var name: String
  public var arn: String
  public var loadBalancer: Int
  public var `protocol`: ELBProtocol
  public var port: Int
  public var certificates: [String]
  /// The rules in ascending priority.
  public var rules: [ListenerRule]
  public var defaultAction: LoadBalancerAction
  /// The rules, then the default action under the name `default action`.
  public var routeTable: RouteTable<LoadBalancerAction>
  public var source: SourceRef

  /// `listener HTTP:80 of ALB 'web'`-style label without the load balancer.
  public var label: String { "listener \(`protocol`.rawValue):\(port)" }

  /// Every target group the listener's rules and default action can forward to, in order of
  /// first appearance.
  public var targetGroups: [Int] {
    var seen: [Int] = []
    for action in rules.map(\.action) + [defaultAction] {
      for group in action.targetGroups where !seen.contains(group) { seen.append(group) }
    }
    return seen
  }
}
