import ScenarioFormat

/// Where traffic starts: the internet (a public address) or a host in a subnet.
public struct Client: Sendable {
  public var name: String
  public var subnet: Int?
  public var securityGroups: [Int]
  public var address: IPv4Address?
  public var principal: String?
  public var source: SourceRef
  public var onInternet: Bool { subnet == nil }
}
