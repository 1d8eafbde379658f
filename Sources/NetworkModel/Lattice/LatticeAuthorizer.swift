/// VPC Lattice's two-level authorisation: the service network's auth, then the service's; both
/// must allow (VPC Lattice user guide, "Auth policies"; aws-behaviour §3.7, §7 items 37–40).
///
/// At each level: auth type `NONE` lets the request through whatever policy is attached (the
/// policy is stored but inactive); `AWS_IAM` without a policy denies every request; `AWS_IAM`
/// with a policy needs an explicit allow and no explicit deny. A denial answers 403.
public enum LatticeAuthorizer {
  /// One level's configuration.
  public struct Level: Sendable {
    /// `service network 'corp'` or `service 'orders'`.
    public var name: String
    public var authType: LatticeAuthType
    public var policy: LatticeAuthPolicy?

    public init(name: String, authType: LatticeAuthType, policy: LatticeAuthPolicy?) {
      self.name = name
      self.authType = authType
      self.policy = policy
    }
  }

  /// What one level decided.
  public struct Step: Sendable, Equatable {
    public var level: String
    /// nil when the level does not check (auth type `NONE`).
    public var decision: LatticeAuthDecision?
    public var detail: String
    public var allows: Bool { decision?.isAllowed ?? true }
  }

  /// Evaluates the network level, then (if it allowed) the service level. With
  /// `explain: false` no text is built (details and explanations are empty).
  public static func authorize(
    network: Level, service: Level, request: LatticeAuthRequest, explain: Bool = true
  ) -> (allowed: Bool, steps: [Step]) {
    var steps: [Step] = []
    for level in [network, service] {
      let step = evaluate(level, request: request, explain: explain)
      steps.append(step)
      if !step.allows { return (false, steps) }
    }
    return (true, steps)
  }

  /// One level on its own.
  public static func evaluate(_ level: Level, request: LatticeAuthRequest, explain: Bool = true)
    -> Step
  {
    switch (level.authType, level.policy) {
    case (.none, let policy):
      guard explain else { return Step(level: level.name, decision: nil, detail: "") }
      let inactive = policy == nil ? "" : " (its auth policy is inactive)"
      return Step(
        level: level.name, decision: nil,
        detail: "\(level.name): auth type NONE, no check\(inactive)")
    case (.awsIAM, nil):
      let decision = LatticeAuthDecision(
        outcome: .implicitlyDenied, statement: nil,
        explanation: "AWS_IAM with no auth policy denies every request")
      return Step(
        level: level.name, decision: decision,
        detail: explain ? "\(level.name): \(decision.explanation)" : "")
    case (.awsIAM, let policy?):
      let decision = policy.evaluate(request, explain: explain)
      guard explain else { return Step(level: level.name, decision: decision, detail: "") }
      return Step(
        level: level.name, decision: decision,
        detail: "\(level.name) (AWS_IAM) for \(request.caller.label): \(decision.explanation)")
    }
  }
}
