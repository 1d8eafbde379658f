import RouteMatching
import ScenarioFormat
import SimKernel

/// What the application in a container (or an external endpoint) does with a request.
public struct ApplicationBehavior: Sendable {
  /// One way to answer: directly, by proxying (nginx `proxy_pass`), or after calling others.
  public struct Plan: Sendable {
    public var status: Int
    /// nil means "the service's name", the default answer of a container without behaviour.
    public var body: String?
    public var headers: [(String, String)]
    public var latency: BehaviorSpec.Latency
    public var failRatio: Ratio
    public var failStatus: Int
    public var proxyPass: String?
    public var calls: [BehaviorSpec.Call]
    public var resetConnection: Bool
    public var failFor: SimDuration? = nil
    public var setFault: Int? = nil
    public var clearFault: Bool = false
    public var source: SourceRef?
  }
  public var plan: Plan
  /// Per-path plans, tried in order before `plan`.
  public var rules: [(path: PathMatch, plan: Plan)]
  public var concurrency: Int?
  public var upstreamTimeout: SimDuration

  /// The plan for a request path.
  public func plan(for path: String) -> Plan {
    for rule in rules where rule.path.matches(path) { return rule.plan }
    return plan
  }

  /// The behaviour of a container that declares none: answer 200 with the service name.
  public static let `default` = ApplicationBehavior(
    plan: Plan(
      status: 200, body: nil, headers: [], latency: .fixed(.milliseconds(1)), failRatio: .zero,
      failStatus: 500, proxyPass: nil, calls: [], resetConnection: false, source: nil),
    rules: [], concurrency: nil, upstreamTimeout: .seconds(60))
}
