import NetworkModel

/// Hands out addresses deterministically: private addresses in each subnet from `.4` upward
/// (AWS reserves the first four), public addresses from 198.51.100.0/22 and internet clients'
/// addresses from 203.0.113.0/24 (documentation ranges).
public struct AddressPlan: Sendable {
  private var nextInSubnet: [Int]
  private var nextPublic: UInt32 = IPv4Address("198.51.100.10")!.value
  private var nextInternet: UInt32 = IPv4Address("203.0.113.10")!.value
  private var taken: Set<UInt32> = []

  public init(model: NetworkModel) {
    nextInSubnet = model.subnets.map { Int($0.firstUsableAddress - $0.cidr.network) }
    for client in model.clients { if let a = client.address { taken.insert(a.value) } }
    for external in model.externals { if let a = external.address { taken.insert(a.value) } }
  }

  /// The next free private address of a subnet; nil when the subnet is full.
  public mutating func privateAddress(in subnet: Int, of model: NetworkModel) -> UInt32? {
    let s = model.subnets[subnet]
    while UInt32(nextInSubnet[subnet]) + s.cidr.network <= s.lastUsableAddress {
      let candidate = s.cidr.network + UInt32(nextInSubnet[subnet])
      nextInSubnet[subnet] += 1
      if taken.insert(candidate).inserted { return candidate }
    }
    return nil
  }

  public mutating func publicAddress() -> UInt32 {
    defer { nextPublic += 1 }
    return nextPublic
  }

  public mutating func internetAddress() -> UInt32 {
    defer { nextInternet += 1 }
    return nextInternet
  }

  public mutating func reserve(_ address: UInt32) { taken.insert(address) }
}
