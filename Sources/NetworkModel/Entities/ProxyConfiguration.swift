/// ECS `proxyConfiguration` for App Mesh: which TCP traffic iptables sends to Envoy.
///
/// Port 22 is never redirected; only TCP is (UDP such as DNS always bypasses). App Mesh user
/// guide, "Getting started with App Mesh and Amazon ECS".
public struct ProxyConfiguration: Sendable {
  public var containerName: String
  public var appPorts: [Int]
  public var ingressPort: Int
  public var egressPort: Int
  public var egressIgnoredPorts: [Int]
  public var egressIgnoredAddresses: [CIDRBlock]
  public var ignoredUID: String?

  /// Whether an outbound TCP connection to `address:port` is redirected to Envoy.
  public func intercepts(address: UInt32, port: Int) -> Bool {
    if port == 22 || egressIgnoredPorts.contains(port) { return false }
    return !egressIgnoredAddresses.contains { $0.contains(address) }
  }
}
