/// `CreateServiceNetworkServiceAssociation`: a service joins a service network.
public struct ServiceNetworkServiceAssociationSpec: Sendable {
  public var serviceNetwork: String
  public var service: String
  public var id: String?
  public var arn: String?
  public var source: SourceRef
}
