import NetworkModel

/// Evaluates security groups on a connection, as EC2 does: allow-only rules, unioned across the
/// ENI's groups; a group reference matches traffic from the private address of an ENI carrying
/// that group (same VPC); replies are always allowed (stateful). VPC user guide, "Security group
/// rules"; aws-behaviour §5.5.
public enum SecurityGroupFilter {
  public enum Decision {
    case allowed(String?)
    case denied(String)
  }

  /// Why the source's egress rules drop a connection to `address:port`, or nil if they allow it.
  public static func egressDenial(from source: NetworkInterface, to address: UInt32, port: Int, in world: World) -> String? {
    if source.securityGroups.isEmpty { return nil }
    let destination = world.addressBook[address].map { world.interfaces[Int($0)] }
    return egressDenial(from: source, to: address, port: port, destination: destination, in: world)
  }

  /// `egressDenial(from:to:port:in:)` when the caller already knows the ENI that owns
  /// `address` (nil: none does), which saves a second address-book lookup per connection.
  public static func egressDenial(from source: NetworkInterface, to address: UInt32, port: Int,
                                  destination: NetworkInterface?, in world: World) -> String? {
    if source.securityGroups.isEmpty { return nil }
    let privatePath = destination?.vpc == source.vpc
    for group in source.securityGroups {
      let rules = world.securityGroups[group].egress
      for index in rules.indices where rules[index].coversTCP(port: port) {
        for peer in rules[index].peers
        where matches(peer, address: address, peer: destination, privatePath: privatePath, in: world) {
          return nil
        }
      }
    }
    let groups = source.securityGroups.map { world.securityGroups[$0].label }.joined(separator: ", ")
    return "egress denied by \(groups): no outbound rule allows tcp/\(port) to \(IPv4Address(address))"
  }

  /// Whether the destination's ingress rules admit a connection seen from `seenAddress`.
  /// With `explain: false` an admitted connection's reason is not written (`.allowed(nil)`),
  /// which keeps untraced requests free of string work.
  public static func ingressDecision(to destination: NetworkInterface, from source: NetworkInterface, seenAddress: UInt32,
                                     privatePath: Bool, port: Int, explain: Bool = true, in world: World) -> Decision {
    if destination.securityGroups.isEmpty { return .allowed(nil) }
    for group in destination.securityGroups {
      let rules = world.securityGroups[group].ingress
      for offset in rules.indices where rules[offset].coversTCP(port: port) {
        for peer in rules[offset].peers
        where matches(peer, address: seenAddress, peer: source, privatePath: privatePath, in: world) {
          guard explain else { return .allowed(nil) }
          return .allowed("ingress allowed by \(world.securityGroups[group].label) rule #\(offset + 1): tcp/\(port) from \(describe(peer, in: world))")
        }
      }
    }
    let groups = destination.securityGroups.map { world.securityGroups[$0].label }.joined(separator: ", ")
    let who = source.securityGroups.isEmpty ? IPv4Address(seenAddress).description
      : "\(IPv4Address(seenAddress)) [\(source.securityGroups.map { world.securityGroups[$0].id }.joined(separator: ", "))]"
    return .denied("ingress denied by \(groups): no inbound rule allows tcp/\(port) from \(who); packet dropped silently")
  }

  @inline(__always)
  static func matches(_ peer: SecurityGroupRule.Peer, address: UInt32, peer other: NetworkInterface?, privatePath: Bool,
                      in world: World) -> Bool {
    switch peer {
    case .cidr(let block): return block.contains(address)
    case .prefixList(let index): return world.model.prefixLists[index].cidrs.contains { $0.contains(address) }
    case .group(let group):
      guard privatePath, let other else { return false }
      return other.securityGroups.contains(group)
    }
  }

  static func describe(_ peer: SecurityGroupRule.Peer, in world: World) -> String {
    switch peer {
    case .cidr(let block): return block.description
    case .prefixList(let index): return "prefix list \(world.model.prefixLists[index].name)"
    case .group(let group): return "members of \(world.securityGroups[group].label)"
    }
  }
}
