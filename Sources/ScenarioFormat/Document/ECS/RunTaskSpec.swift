/// A standalone task started with `RunTask` (not part of a service).
public struct RunTaskSpec: Sendable {
  public var name: String
  public var cluster: String?
  public var taskDefinition: String
  public var count: Int
  public var subnets: [String]
  public var securityGroups: [String]
  public var assignPublicIP: Bool
  public var source: SourceRef
}
