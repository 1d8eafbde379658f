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
    rewritten(path) ?? path
  }

  /// The path to forward for `path`, or `nil` when it is forwarded as it is (`keep`, or a path
  /// that does not start with `matched`): a caller can then leave the request untouched.
  public func rewritten(_ path: String) -> String? {
    switch self {
    case .keep:
      return nil
    case .replacePrefix(let matched, let replacement):
      return Self.replacingPrefix(matched, of: path, with: replacement)
    case .replacePath(let newPath):
      return newPath
    }
  }

  /// `path` with its leading `matched` text replaced by `replacement` (without doubling a
  /// slash after it); `nil` when `path` does not start with `matched`. Byte-level, on the
  /// strings' contiguous storage; the result is built in one piece.
  private static func replacingPrefix(
    _ matched: String, of path: String, with replacement: String
  ) -> String? {
    ASCIICaseFolding.withBytes(path) { bytes in
      ASCIICaseFolding.withBytes(matched) { prefix in
        guard prefix.count <= bytes.count,
          ASCIICaseFolding.bytesEqual(bytes, 0, prefix, 0, count: prefix.count, caseSensitive: true)
        else { return nil }
        return ASCIICaseFolding.withBytes(replacement) { front in
          var start = prefix.count
          if front.last == UInt8(ascii: "/") {
            while start < bytes.count && bytes[start] == UInt8(ascii: "/") { start += 1 }
          }
          if start == bytes.count { return replacement }
          // `matched` ends on a whole character of the path, so the rest is whole characters.
          let rest = UnsafeBufferPointer(rebasing: bytes[start...])
          return String(unsafeUninitializedCapacity: front.count + rest.count) { buffer in
            _ = UnsafeMutableBufferPointer(rebasing: buffer[..<front.count]).initialize(from: front)
            _ = UnsafeMutableBufferPointer(rebasing: buffer[front.count...]).initialize(from: rest)
            return front.count + rest.count
          }
        }
      }
    }
  }
}
