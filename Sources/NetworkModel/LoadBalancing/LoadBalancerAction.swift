/// What an ALB rule, a listener's default action or an NLB listener does with a request.
///
/// `forward` picks one target group in proportion to integer weights (0–999, relative; a
/// weight-0 group receives nothing), independently for every request unless stickiness is on;
/// `fixedResponse` and `redirect` are answered by the load balancer itself.
public enum LoadBalancerAction: Sendable {
  case forward(ForwardAction)
  case fixedResponse(FixedResponseAction)
  case redirect(RedirectAction)

  /// The target groups this action can forward to.
  public var targetGroups: [Int] {
    if case .forward(let forward) = self { return forward.targetGroups.map(\.targetGroup) }
    return []
  }

  /// `forward to 'blue' (10), 'green' (20)`-style summary with target-group names.
  public func summary(targetGroupNames names: [String]) -> String {
    switch self {
    case .forward(let forward):
      let groups = forward.targetGroups.map { entry in
        let name = "'\(names[entry.targetGroup])'"
        return forward.targetGroups.count > 1 ? "\(name) (weight \(entry.weight))" : name
      }
      return "forward to " + groups.joined(separator: ", ")
    case .fixedResponse(let fixed):
      return "fixed response \(fixed.statusCode)"
    case .redirect(let redirect):
      return "redirect \(redirect.statusCode)"
    }
  }
}
