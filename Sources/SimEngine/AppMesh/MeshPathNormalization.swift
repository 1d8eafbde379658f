/// Envoy's `normalize_path` and `merge_slashes`, which App Mesh turns on whenever routes match
/// on path or prefix (AWS behaviour §1.7): `//` collapses to `/`, `.` segments vanish and `..`
/// removes the previous segment (`/red//tell/../tell` → `/red/tell`).
enum MeshPathNormalization {
  static func normalize(_ path: String) -> String {
    guard path.contains("//") || path.contains("/.") else { return path }
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
}
