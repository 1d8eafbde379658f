/// What `meshsim migrate` moves an App Mesh scenario to (AWS's recommended successors: Service
/// Connect for ECS workloads, VPC Lattice for EKS and cross-VPC ones).
public enum MigrationTarget: String, Sendable, CaseIterable {
  case serviceConnect = "service-connect"
  case lattice

  public var title: String {
    switch self {
    case .serviceConnect: "Service Connect"
    case .lattice: "VPC Lattice"
    }
  }
}

/// Something the App Mesh scenario does that the target cannot carry over, where, what
/// changes for callers, and the AWS source that says so (keys of `aws-behaviour.md`).
public struct MigrationLoss: Sendable, Equatable {
  public var feature: String
  public var resource: String
  public var consequence: String
  public var source: String
}
