/// A `ModifyLoadBalancerAttributes` or `ModifyTargetGroupAttributes` body: the resource and
/// its `Attributes` key/value pairs (values are strings, as in the API).
public struct ELBAttributesSpec: Sendable {
  /// One `{"Key": …, "Value": …}` attribute.
  public struct Attribute: Sendable {
    public var key: String
    public var value: String
    public var source: SourceRef
  }
  /// `LoadBalancerArn` or `TargetGroupArn`: a name or an ARN.
  public var resource: String
  public var attributes: [Attribute]
  public var source: SourceRef
}
