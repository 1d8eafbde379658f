/// A node of the topology diagram: every actor with the same ``SimActor/groupName`` (the tasks of
/// one ECS service, a load balancer, a traffic origin) drawn as one box.
public struct TopologyNode: Sendable, Equatable {
  /// What the node stands for, so diagrams can draw clients, services and infrastructure apart.
  public enum Kind: String, Sendable, CaseIterable {
    /// Where traffic starts: an internet or subnet client.
    case client
    /// An ECS service (its tasks) or a standalone task.
    case service
    /// An endpoint outside ECS: an RDS host name, a public API.
    case external
    /// An Application or Network Load Balancer.
    case loadBalancer
    /// A proxy that is a node of its own: an App Mesh virtual gateway, an ingress proxy.
    case gateway
    /// A managed service network hop such as a VPC Lattice service.
    case managedService
    /// Anything else.
    case component
  }
  public var name: String
  public var kind: Kind

  public init(name: String, kind: Kind) {
    self.name = name
    self.kind = kind
  }
}
