import NetworkModel
import SimKernel

extension World {
  /// Adds an ENI and registers its addresses.
  public func addInterface(address: UInt32, publicAddress: UInt32?, subnet: Int?, securityGroups: [Int], owner: Int32,
                           label: String) -> Int32 {
    let index = Int32(interfaces.count)
    let zone = subnet.map { model.subnets[$0].availabilityZone }
    let interface = NetworkInterface(index: index, address: address, publicAddress: publicAddress, subnet: subnet,
                                     vpc: subnet.map { model.subnets[$0].vpc }, zone: zone, securityGroups: securityGroups,
                                     owner: owner, label: label, network: network)
    interfaces.append(interface)
    addressBook[address] = index
    if let publicAddress { addressBook[publicAddress] = index }
    return index
  }

  /// How reports name the service that answered (`Response.originService`).
  public func serviceName(_ code: Int32) -> String? {
    if code >= 0 { return model.services[Int(code)].name }
    if code <= -2 { return model.externals[Int(-2 - code)].name }
    return nil
  }

  /// How reports name the task that answered (`Response.originTask`).
  public func taskName(_ code: Int32) -> String? { code >= 0 ? tasks[Int(code)].name : nil }

  /// Replaces `{{ip:service/N}}` and `{{publicIp:service/N}}` with the task's current address.
  public func expandURL(_ url: String) -> String {
    guard url.contains("{{") else { return url }
    var result = ""
    var rest = Substring(url)
    while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
      result += rest[..<open.lowerBound]
      let token = rest[open.upperBound..<close.lowerBound]
      let parts = token.split(separator: ":", maxSplits: 1)
      var replacement = "0.0.0.0"
      if parts.count == 2, let task = tasks.first(where: { $0.name == parts[1] }) {
        let interface = interfaces[Int(task.interface)]
        if parts[0] == "publicIp" {
          replacement = interface.publicAddress.map { IPv4Address($0).description } ?? "0.0.0.0"
        } else {
          replacement = IPv4Address(interface.address).description
        }
      }
      result += replacement
      rest = rest[close.upperBound...]
    }
    return result + rest
  }
}

extension Substring {
  func range(of needle: String) -> Range<Substring.Index>? {
    guard !needle.isEmpty, count >= needle.count else { return nil }
    var index = startIndex
    while index < endIndex {
      if self[index...].hasPrefix(needle) { return index..<self.index(index, offsetBy: needle.count) }
      index = self.index(after: index)
    }
    return nil
  }
}
