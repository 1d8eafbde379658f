/// An instance registered by hand (`RegisterInstance`), for endpoints ECS does not manage.
public struct InstanceSpec: Sendable {
  public var service: String
  public var instanceID: String
  public var attributes: [(String, String)]
  public var source: SourceRef
}
