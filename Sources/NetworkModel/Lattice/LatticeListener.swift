import ScenarioFormat

/// A listener on a Lattice service: a protocol and port, rules in ascending priority and the
/// default action used when no rule matches (VPC Lattice user guide, "Listener rules").
///
/// A `TLS_PASSTHROUGH` listener has no rules: Lattice does not decrypt, so it routes by SNI to
/// the default action's TCP target groups and cuts connections at 10 minutes.
public struct LatticeListener: Sendable {
  /// The listener protocols VPC Lattice offers.
  public enum ListenerProtocol: String, CaseIterable, Sendable {
    case http = "HTTP"
    case https = "HTTPS"
    case tlsPassthrough = "TLS_PASSTHROUGH"
  }
  public var name: String
  public var id: String
  public var arn: String
  public var service: Int
  public var listenerProtocol: ListenerProtocol
  public var port: Int
  public var defaultAction: LatticeRuleAction
  /// Rules sorted by ascending priority.
  public var rules: [LatticeRule]
  public var source: SourceRef
}
