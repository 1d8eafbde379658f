import SimKernel

/// A place traffic starts from: the internet, or a host inside a subnet (a bastion, an EC2
/// instance) with its own security groups.
public struct ClientSpec: Sendable {
  public var name: String
  /// Subnet name or id; nil means the client stands on the internet.
  public var subnet: String?
  public var securityGroups: [String]
  public var ipAddress: String?
  /// IAM principal the client signs requests as (SigV4), for VPC Lattice auth policies.
  public var principal: String?
  public var source: SourceRef

  public init(name: String, subnet: String?, securityGroups: [String], ipAddress: String?, principal: String?, source: SourceRef) {
    self.name = name
    self.subnet = subnet
    self.securityGroups = securityGroups
    self.ipAddress = ipAddress
    self.principal = principal
    self.source = source
  }
}

/// An endpoint outside the ECS services: an RDS host name, a public API, an on-premises host.
public struct ExternalEndpointSpec: Sendable {
  public var name: String
  public var hostnames: [String]
  public var ipAddress: String?
  /// Subnet name or id when the endpoint lives inside a VPC (an RDS instance); nil = internet.
  public var subnet: String?
  public var securityGroups: [String]
  public var ports: [Int]
  public var behavior: BehaviorSpec?
  public var source: SourceRef
}

/// Where a traffic stream starts.
public enum TrafficOrigin: Sendable {
  case client(String)
  case service(String)
  case task(String)
}

/// A stream of requests (simulation-only): who sends what, how many, how fast.
public struct TrafficSpec: Sendable {
  public enum Arrival: String, CaseIterable, Sendable {
    case uniform, poisson
  }
  public var name: String
  public var origin: TrafficOrigin
  public var originSource: SourceRef
  public var method: String
  public var url: String
  public var headers: [(String, String)]
  public var count: Int
  /// Mean time between two requests.
  public var interval: SimDuration
  public var start: SimDuration
  public var arrival: Arrival
  public var timeout: SimDuration?
  /// IAM principal that signs the requests; nil = the origin's own identity (or anonymous).
  public var principal: String?
  /// Send unsigned requests (the anonymous principal), whatever the origin's identity.
  public var unsigned: Bool
  public var source: SourceRef
}

/// Settings of the simulated world itself (simulation-only).
public struct SimulationSettingsSpec: Sendable {
  public var latencies: [String: SimDuration] = [:]
  public var latencySources: [String: SourceRef] = [:]
  public var taskStartDelay: SimDuration?
  public var taskStopDelay: SimDuration?
  public var eventLimit: Int?
  public var hopLimit: Int?
  public var until: SimDuration?
  /// App Mesh's hidden default retry policy (2 retries on 503), on unless set to false.
  public var appMeshDefaultRetries: Bool?
  public init() {}
}
