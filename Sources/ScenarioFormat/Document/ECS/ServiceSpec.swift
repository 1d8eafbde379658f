/// An ECS service (`CreateService`).
public struct ServiceSpec: Sendable {
  public var name: String
  public var cluster: String?
  public var taskDefinition: String
  public var desiredCount: Int
  public var subnets: [String]
  public var securityGroups: [String]
  public var assignPublicIP: Bool
  public var serviceRegistries: [ServiceRegistrySpec]
  public var loadBalancers: [LoadBalancerAttachmentSpec]
  public var serviceConnect: ServiceConnectConfigurationSpec?
  public var vpcLatticeConfigurations: [VPCLatticeConfigurationSpec]
  public var source: SourceRef
}
