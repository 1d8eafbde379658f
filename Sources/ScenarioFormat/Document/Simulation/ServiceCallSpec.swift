/// An API call event belonging to one AWS service section: its operation name and decoded body.
public struct ServiceCallSpec: Sendable {
  public var operation: String
  public var body: ServiceCallBody
}
