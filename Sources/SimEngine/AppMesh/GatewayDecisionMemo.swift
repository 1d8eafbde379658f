import RouteMatching

/// What a virtual gateway listener decided for recent requests, so that the next request that
/// is the same one is not matched, rewritten and matched again: the gateway route it matched, the
/// head that route rewrote it to (and whether that head's path is already normal), the port of
/// the target virtual service, and the route of the service's virtual router that the rewritten
/// head matched there.
///
/// Each of these depends only on the request head's parts — method, scheme, host, path, query,
/// headers —, on the listener's port, on the configuration revision and, when some route table
/// tests it, on the peer address. Requests of one traffic stream are copies of one head and share
/// those parts until a hop changes one (`RequestHead.sharesParts(with:)`), so a head that shares
/// its parts with a remembered input (and its peer address, when that counts), at the same
/// revision, is decided alike. A head with parts of its own (say an ALB in front added a header)
/// simply misses and is decided again.
///
/// A class, held by its gateway actor in a `let`, so that a lookup reads the entries in place.
final class GatewayDecisionMemo {
  private struct Entry {
    /// The head as it reached the listener (before path normalization), which keeps its parts
    /// alive so that no other head can share them by accident.
    let input: RequestHead
    /// Whether the input's peer address is part of the key (a route table tests it).
    let keysOnPeer: Bool
    /// Whether the input's scheme is `https` (the client sends TLS).
    let inputUsesTLS: Bool
    let output: RequestHead
    /// Whether the output's path is already normal (`MeshPathNormalization` would keep it).
    let outputPathIsNormal: Bool
    let gatewayRoute: Int
    let service: Int
    let targetPort: Int
    /// The gateway's backend-defaults client policy at the revision (an index in the revision's
    /// `MeshRevisionFacts.clientPolicies`, -1: none).
    let clientPolicy: Int
    /// The route of the target's virtual router the output matches at `targetPort`, -1 when not
    /// known (a virtual-node provider, or no router route matches).
    var routerRoute: Int
  }

  /// How many decisions are kept (the oldest is replaced first).
  static let capacity = 8

  private var entries: [Entry] = []
  /// The entry `remember` replaces next once the memo is full.
  private var nextVictim = 0
  private var revision = -1

  /// The index of the decision remembered for `head` at configuration revision `revision`.
  @inline(__always)
  func lookup(_ head: borrowing RequestHead, revision: Int) -> Int? {
    guard revision == self.revision else { return nil }
    // By index: a `for` loop would retain the array and copy each entry.
    var index = 0
    while index < entries.count {
      if entries[index].input.sharesParts(with: head)
        && (!entries[index].keysOnPeer || entries[index].input.sourceAddress == head.sourceAddress)
      {
        return index
      }
      index += 1
    }
    return nil
  }

  /// The rewritten head of decision `index`, for the head it was looked up for, whose peer is
  /// `sourceAddress`: sent to the target port, from that peer. (Given the peer alone, so that
  /// the caller need not copy, and retain, the head it looked up.)
  @inline(__always)
  func output(_ index: Int, sourceAddress: UInt32?) -> RequestHead {
    entries.withUnsafeBufferPointer { entries in
      precondition(index >= 0 && index < entries.count, "a decision of the memo")
      let entry = entries.baseAddress.unsafelyUnwrapped + index
      var output = entry.pointee.output
      output.port = entry.pointee.targetPort
      output.sourceAddress = sourceAddress
      return output
    }
  }

  /// How decision `index` forwards its rewritten head (`output`), read through one checked index
  /// (plain values: the head itself is taken apart, so that it is copied once).
  struct Forwarding {
    var pathIsNormal: Bool
    var service: Int
    var routerRoute: Int
    var clientPolicy: Int
  }

  @inline(__always)
  func forwarding(_ index: Int) -> Forwarding {
    entries.withUnsafeBufferPointer { entries in
      precondition(index >= 0 && index < entries.count, "a decision of the memo")
      let entry = entries.baseAddress.unsafelyUnwrapped + index
      return Forwarding(
        pathIsNormal: entry.pointee.outputPathIsNormal, service: entry.pointee.service,
        routerRoute: entry.pointee.routerRoute, clientPolicy: entry.pointee.clientPolicy)
    }
  }

  func inputUsesTLS(_ index: Int) -> Bool { entries[index].inputUsesTLS }
  func outputPathIsNormal(_ index: Int) -> Bool { entries[index].outputPathIsNormal }
  func gatewayRoute(_ index: Int) -> Int { entries[index].gatewayRoute }
  func service(_ index: Int) -> Int { entries[index].service }
  func targetPort(_ index: Int) -> Int { entries[index].targetPort }
  func routerRoute(_ index: Int) -> Int { entries[index].routerRoute }
  func clientPolicy(_ index: Int) -> Int { entries[index].clientPolicy }

  /// Remembers that at revision `revision` the listener sent `input` by gateway route
  /// `gatewayRoute`, rewritten as `output`, to `service` on `targetPort` with client policy
  /// `clientPolicy`; the peer address counts when `keysOnPeer`. Answers the decision's index
  /// (see `setRouterRoute`).
  func remember(
    _ input: RequestHead, keysOnPeer: Bool, as output: RequestHead, gatewayRoute: Int, service: Int,
    targetPort: Int, clientPolicy: Int, revision: Int
  ) -> Int {
    if revision != self.revision {
      entries.removeAll()
      nextVictim = 0
      self.revision = revision
    }
    let entry = Entry(
      input: input, keysOnPeer: keysOnPeer, inputUsesTLS: input.scheme == "https", output: output,
      outputPathIsNormal: !MeshPathNormalization.mayNeedNormalizing(output.path), gatewayRoute: gatewayRoute,
      service: service, targetPort: targetPort, clientPolicy: clientPolicy, routerRoute: -1)
    if entries.count < Self.capacity {
      entries.append(entry)
      return entries.count - 1
    }
    let index = nextVictim
    entries[index] = entry
    nextVictim = (nextVictim + 1) % Self.capacity
    return index
  }

  /// Notes that the output of decision `index` matched route `routerRoute` of its target's
  /// virtual router (-1: none, or the provider is a virtual node).
  func setRouterRoute(_ routerRoute: Int, at index: Int) {
    entries[index].routerRoute = routerRoute
  }
}
