import RouteMatching

/// The last request head each gateway route rewrote, with the head it became, so that the next
/// request that is the same one is not rewritten again.
///
/// A gateway route's rewrite (path, Host, `Host` header) depends only on the head's parts —
/// method, scheme, host, path, query, headers — and on the configuration revision. Requests
/// of one traffic stream are copies of one head and share those parts until a hop changes
/// one (`RequestHead.sharesParts(with:)`), so a head that shares its parts with the route's last
/// input, at the same revision, becomes the last output; only its port and peer address,
/// stored in the head itself, are its own. A head with parts of its own (say an ALB in front
/// added a header) simply misses the cache and is rewritten.
///
/// A class, held by its gateway actor in a `let`, so that a lookup reads the entries in place.
final class GatewayRewriteCache {
  private struct Entry {
    let input: RequestHead
    let output: RequestHead
    /// Whether the output's path is already normal (`MeshPathNormalization` would keep it).
    let outputPathIsNormal: Bool
  }

  /// Per gateway route index, at `revision`.
  private var entries: [Entry?] = []
  private var revision = -1

  /// The rewrite of `head` by gateway route `route` at configuration revision `revision`, if it
  /// is known, with whether its path is already normal (so that the Envoy need not check the
  /// path of a known rewrite again before sending it upstream).
  func rewrite(of head: RequestHead, route: Int, revision: Int) -> (head: RequestHead, pathIsNormal: Bool)? {
    guard revision == self.revision, route < entries.count, let entry = entries[route],
      entry.input.sharesParts(with: head)
    else { return nil }
    var output = entry.output
    output.port = head.port
    output.sourceAddress = head.sourceAddress
    return (output, entry.outputPathIsNormal)
  }

  /// Remembers that gateway route `route` rewrote `input` as `output` at revision `revision`.
  func remember(_ input: RequestHead, as output: RequestHead, route: Int, revision: Int) {
    if revision != self.revision {
      entries.removeAll()
      self.revision = revision
    }
    if route >= entries.count {
      entries.append(contentsOf: repeatElement(nil, count: route + 1 - entries.count))
    }
    entries[route] = Entry(
      input: input, output: output,
      outputPathIsNormal: !MeshPathNormalization.mayNeedNormalizing(output.path))
  }
}
