/// A service network (`CreateServiceNetwork`): the logical boundary that VPCs and services
/// associate with. `id`/`arn` are describe-only fields; when given they become aliases.
public struct ServiceNetworkSpec: Sendable {
  public var name: String
  /// `NONE` (default) or `AWS_IAM`; validated by the model.
  public var authType: String?
  public var id: String?
  public var arn: String?
  public var source: SourceRef
}
