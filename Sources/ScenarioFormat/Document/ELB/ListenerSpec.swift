/// A listener as `CreateListener` takes it: the load balancer, protocol and port, and the
/// default actions taken when no rule matches.
///
/// Listeners have no name in ELBv2: other resources refer to one by its `ListenerArn` (when the
/// scenario gives it), by a `Name` tag, or as `<load balancer name>:<port>`.
public struct ListenerSpec: Sendable {
  public var arn: String?
  public var loadBalancer: String
  public var `protocol`: ELBProtocol
  public var port: Int
  public var certificates: [String]
  public var sslPolicy: String?
  public var alpnPolicy: [String]
  public var defaultActions: [ELBActionSpec]
  public var tags: [Tag]
  public var source: SourceRef
}
