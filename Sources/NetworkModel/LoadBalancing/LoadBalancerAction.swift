import RouteMatching

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

/// A `forward` action: target groups with relative weights.
public struct ForwardAction: Sendable {
  /// One target group of the action and its weight.
  public struct WeightedTargetGroup: Sendable, Hashable {
    public var targetGroup: Int
    public var weight: Int
    public init(targetGroup: Int, weight: Int) {
      self.targetGroup = targetGroup
      self.weight = weight
    }
  }
  public var targetGroups: [WeightedTargetGroup]
  /// Target-group stickiness duration in seconds, when enabled (`AWSALBTG` cookie).
  public var stickinessSeconds: Int?

  public init(targetGroups: [WeightedTargetGroup], stickinessSeconds: Int? = nil) {
    self.targetGroups = targetGroups
    self.stickinessSeconds = stickinessSeconds
  }

  /// The weighted choice among the target groups (indices into the model's target groups).
  public var choice: WeightedChoice<Int> {
    WeightedChoice(targetGroups.map { (element: $0.targetGroup, weight: $0.weight) })
  }
}

/// A `fixed-response` action: the load balancer answers itself.
public struct FixedResponseAction: Sendable, Hashable {
  public var statusCode: Int
  public var contentType: String?
  public var messageBody: String
  public init(statusCode: Int, contentType: String?, messageBody: String) {
    self.statusCode = statusCode
    self.contentType = contentType
    self.messageBody = messageBody
  }
}
