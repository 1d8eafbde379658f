/// An IP target registered by an API call: its address and port.
public struct IPTarget: Sendable, Hashable {
  public var address: IPv4Address
  public var port: Int
  public init(address: IPv4Address, port: Int) {
    self.address = address
    self.port = port
  }
}
