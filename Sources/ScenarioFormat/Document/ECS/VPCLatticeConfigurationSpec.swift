/// `vpcLatticeConfigurations[]`: the Lattice target group ECS registers each task's named port in.
public struct VPCLatticeConfigurationSpec: Sendable {
  public var targetGroup: String
  public var portName: String
  public var roleArn: String?
  public var source: SourceRef
}
