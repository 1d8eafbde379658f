/// One `IpPermission`: protocol, port range and the peers it admits.
public struct IPPermissionSpec: Sendable {
  public var ipProtocol: String
  public var fromPort: Int?
  public var toPort: Int?
  public var cidrs: [String]
  public var groups: [String]
  public var prefixLists: [String]
  public var source: SourceRef
}
