import NetworkModel
import SimKernel

/// Public DNS for names outside AWS-managed services: external endpoints' host names and AWS
/// API endpoints (`*.amazonaws.com`), which resolve from anywhere.
public final class PublicDNSAuthority: DNSAuthority {
  var names: [String: (address: UInt32, source: String)] = [:]
  /// The synthetic AWS API endpoint every `*.amazonaws.com` name resolves to, if present.
  var awsAPIAddress: UInt32?

  public init() {}

  public func add(_ name: String, address: UInt32, source: String) {
    names[name.lowercased()] = (address, source)
  }

  public func answer(_ name: String, fromVPC vpc: Int?, asker: Int32, in world: World) -> DNSAnswer?
  {
    if let entry = names[name] {
      return DNSAnswer(addresses: [entry.address], ttl: .seconds(300), source: entry.source)
    }
    if name.hasSuffix(".amazonaws.com"), let address = awsAPIAddress {
      return DNSAnswer(addresses: [address], ttl: .seconds(60), source: "AWS public endpoint")
    }
    return nil
  }
}
