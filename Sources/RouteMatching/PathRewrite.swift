/// How an App Mesh gateway route rewrites the request path before forwarding it.
///
/// Follows `GatewayRoute` `action.rewrite` (AWS behaviour §1.8, item 19): with a prefix match the
/// default is to replace the matched prefix by `/` (`/chapter` on `/chapter/1` forwards `/1`;
/// `/red` on `/red/tell` forwards `/tell`); `prefix.value` replaces it by a custom prefix that
/// starts and ends with `/`; `defaultPrefix: DISABLED` keeps the path; with a path match,
/// `path.exact` replaces the whole path. The slash between the replacement and the rest of the
/// path is never doubled. The router behind the gateway matches the *rewritten* path.
public enum PathRewrite: Sendable, Hashable {
  /// Forward the path unchanged (`defaultPrefix: DISABLED`, or no rewrite on a path match).
  case keep
  /// Replace the leading `matched` text by `replacement` (`/` by default).
  case replacePrefix(matched: String, with: String)
  /// Replace the whole path.
  case replacePath(String)

  /// The path to forward for `path`. A path that does not start with `matched` is kept.
  public func apply(to path: String) -> String {
    switch self {
    case .keep:
      return path
    case .replacePrefix(let matched, let replacement):
      guard path.utf8.starts(with: matched.utf8) else { return path }
      var rest = path.utf8.dropFirst(matched.utf8.count)
      if replacement.utf8.last == UInt8(ascii: "/") {
        while rest.first == UInt8(ascii: "/") { rest = rest.dropFirst() }
      }
      return replacement + String(Substring(rest))
    case .replacePath(let newPath):
      return newPath
    }
  }
}
