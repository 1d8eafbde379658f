/// A Lattice listener (`CreateListener`): a protocol and port on a service, with the default
/// action taken when no rule matches.
public struct LatticeListenerSpec: Sendable {
  public var service: String
  public var name: String
  /// `HTTP`, `HTTPS` or `TLS_PASSTHROUGH`; validated by the model.
  public var protocolName: String
  public var port: Int?
  public var defaultAction: LatticeRuleActionSpec?
  public var id: String?
  public var arn: String?
  public var source: SourceRef
}
