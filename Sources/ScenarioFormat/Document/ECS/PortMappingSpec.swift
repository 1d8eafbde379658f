/// A container port mapping; `name` and `appProtocol` matter to Service Connect.
public struct PortMappingSpec: Sendable {
  public var name: String?
  public var containerPort: Int
  public var hostPort: Int?
  public var transportProtocol: String
  public var appProtocol: String?
  public var source: SourceRef
}
