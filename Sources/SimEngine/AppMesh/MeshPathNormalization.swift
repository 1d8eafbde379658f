import RouteMatching

/// Envoy's `normalize_path` and `merge_slashes`, which App Mesh turns on whenever routes match
/// on path or prefix (AWS behaviour §1.7): `//` collapses to `/`, `.` segments vanish and `..`
/// removes the previous segment (`/red//tell/../tell` → `/red/tell`).
enum MeshPathNormalization {
  /// Normalizes the path of `head` in place. An already normal path is only read, never
  /// reassigned, so the head keeps sharing its parts with the copies it was made from.
  @inline(__always)
  static func normalizePath(of head: inout RequestHead) {
    if mayNeedNormalizing(head.path) { head.path = normalize(head.path) }
  }

  static func normalize(_ path: String) -> String {
    guard mayNeedNormalizing(path) && (path.contains("//") || path.contains("/.")) else { return path }
    var segments: [Substring] = []
    for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch segment {
      case ".": continue
      case "..": _ = segments.popLast()
      default: segments.append(segment)
      }
    }
    let trailing = path.hasSuffix("/") && !segments.isEmpty ? "/" : ""
    return "/" + segments.joined(separator: "/") + trailing
  }

  /// False when an ASCII path has no `/` followed by `/` or `.` (then it is already normal),
  /// found by one pass over the bytes; true otherwise (and for any non-ASCII path, which the
  /// character-level check decides).
  @inline(__always)
  static func mayNeedNormalizing(_ path: String) -> Bool {
    // Native strings (small ones included) always offer contiguous UTF-8; the iteration over
    // `utf8` is only the fallback for bridged ones.
    if let answer = path.utf8.withContiguousStorageIfAvailable(mayNeedNormalizing(bytes:)) { return answer }
    return mayNeedNormalizing(bytes: path.utf8)
  }

  /// `mayNeedNormalizing` on the path's bytes: a `/` followed by `/` or `.`, or a non-ASCII byte.
  static func mayNeedNormalizing<Bytes: Sequence<UInt8>>(bytes: Bytes) -> Bool {
    var previous: UInt8 = 0
    var allBits: UInt8 = 0
    for byte in bytes {
      // `byte | 1` is 0x2F for both `/` (0x2F) and `.` (0x2E).
      if previous == 0x2F && byte | 1 == 0x2F { return true }
      allBits |= byte
      previous = byte
    }
    return allBits >= 0x80
  }
}
