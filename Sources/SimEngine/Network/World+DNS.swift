import NetworkModel
import SimKernel

/// The outcome of resolving a host name from one interface.
public enum Resolution {
  case success(address: UInt32, delay: SimDuration)
  case failure(delay: SimDuration)
}

/// An answer from an authoritative source.
public struct DNSAnswer: Sendable {
  public var addresses: [UInt32]
  public var ttl: SimDuration
  /// How `explain` describes where the answer came from.
  public var source: String

  public init(addresses: [UInt32], ttl: SimDuration, source: String) {
    self.addresses = addresses
    self.ttl = ttl
    self.source = source
  }
}

/// A source of DNS answers: Cloud Map namespaces, load balancer names, Lattice service names,
/// external endpoints. Returns nil when the name is not its to answer.
public protocol DNSAuthority: AnyObject {
  func answer(_ name: String, fromVPC vpc: Int?, asker: Int32, in world: World) -> DNSAnswer?
}

extension World {
  /// Resolves `name` as an application on `source` would: the hosts file first (Service
  /// Connect), then the interface's cache, then the VPC resolver (or public DNS on the
  /// internet). Picks one address of the answer at random, as most clients do.
  ///
  /// Callers try `memoizedResolution(_:from:traced:)` first: this is the slow path.
  func resolve(_ rawName: String, from source: NetworkInterface, exchange e: Int32) -> Resolution {
    let name = rawName.isLowercaseASCII ? rawName : rawName.lowercased()
    if !source.hostsFile.isEmpty, let address = source.hostsFile[name] {
      note(e, source.label, .resolved, "/etc/hosts: \(name) → \(IPv4Address(address))")
      return .success(address: address, delay: .zero)
    }
    var delay = SimDuration.zero
    var entry = source.dnsCache.lookup(name, at: now)
    if let cached = entry {
      if isTraced(e) {
        note(e, source.label, .resolved, "DNS cache: \(name) → \(cached.addresses.map { IPv4Address($0).description }.joined(separator: ", ")) (\(cached.source); expires in \(cached.expires - now))")
      }
    } else {
      delay = model.settings.dnsLookup
      let resolverName = source.vpc.map { "the VPC resolver (\(IPv4Address(model.vpcs[$0].cidr.network + 2)))" } ?? "public DNS"
      let answer = dnsAuthorities.lazy.compactMap { $0.answer(name, fromVPC: source.vpc, asker: source.owner, in: self) }.first
      guard let answer, !answer.addresses.isEmpty else {
        note(e, source.label, .failed, "\(resolverName): \(name) → NXDOMAIN" + (answer.map { " (\($0.source))" } ?? ""))
        return .failure(delay: delay)
      }
      let stored = DNSCache.Entry(addresses: answer.addresses, expires: now + answer.ttl, source: answer.source)
      source.dnsCache.store(name, stored)
      entry = stored
      if isTraced(e) {
        note(e, source.label, .resolved, "\(resolverName): \(name) → \(answer.addresses.map { IPv4Address($0).description }.joined(separator: ", ")) (\(answer.source), TTL \(answer.ttl))")
      }
    }
    source.dnsCache.memoize(rawName, entry!)
    let addresses = entry!.addresses
    let pick = addresses.count == 1 ? 0 : random(source.owner, below: addresses.count)
    return .success(address: addresses[pick], delay: delay)
  }
}

extension World {
  /// The resolver's fast path: the same name as last time from `source`, still cached, with
  /// no hosts file and nothing to trace (`traced`: whether the request is traced). Picks an
  /// address exactly as `resolve` would (the same random draw); nil when the slow path must run.
  ///
  /// Only names that are not IPv4 literals reach `resolve` (and so the memo), so a hit also
  /// says the name is no literal: `call` tries this before looking at the name's first byte.
  ///
  /// `source` is read unretained (the world holds its interfaces for the whole run), field by
  /// field in closures small enough to be inlined.
  @inline(__always)
  func memoizedResolution(_ rawName: String, from source: Unmanaged<NetworkInterface>, traced: Bool) -> UInt32? {
    guard !traced else { return nil }
    let now = self.now
    guard let count = source._withUnsafeGuaranteedRef({ source in
      source.hostsFile.isEmpty ? source.dnsCache.memoizedCount(rawName, at: now) : nil
    }) else {
      return nil
    }
    let pick = count == 1 ? 0 : random(source._withUnsafeGuaranteedRef { $0.owner }, below: count)
    return source._withUnsafeGuaranteedRef { $0.dnsCache.memoizedAddress(pick) }
  }
}

extension String {
  /// Whether the string is ASCII without capital letters, so `lowercased()` would return it
  /// unchanged (checked without allocating, unlike `lowercased()`).
  @inline(__always)
  var isLowercaseASCII: Bool {
    var clean = true
    for byte in utf8 where byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) {
      clean = false
      break
    }
    return clean
  }
}
