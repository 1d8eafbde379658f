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
    // Native strings (small ones included) always offer contiguous UTF-8; the generic
    // iteration is only the fallback for bridged ones.
    if let answer = path.utf8.withContiguousStorageIfAvailable(mayNeedNormalizing(words:)) { return answer }
    return mayNeedNormalizing(path.utf8)
  }

  static func mayNeedNormalizing<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
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

  /// `mayNeedNormalizing` on contiguous bytes, eight at a time (the last word zero-padded, and
  /// a zero byte is neither `/`, `.` nor non-ASCII): in each word, the `/` bytes and the `/`-or-`.`
  /// bytes as high-bit masks; a `/` followed by either is a bit of the first mask moved up one
  /// byte (the next byte, little-endian) that is also in the second.
  static func mayNeedNormalizing(words bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let slashes: UInt64 = 0x2F * ones
    var slashBefore: UInt64 = 0  // 0x80 when the byte before the current word is `/`
    var highBits: UInt64 = 0
    var offset = 0
    while offset < bytes.count {
      var word: UInt64 = 0
      let length = min(8, bytes.count - offset)
      withUnsafeMutableBytes(of: &word) {
        $0.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[offset..<offset + length])))
      }
      word = UInt64(littleEndian: word)
      let slash = zeroBytes(word ^ slashes)
      let slashOrDot = zeroBytes((word | ones) ^ slashes)
      if (slash << 8 | slashBefore) & slashOrDot != 0 { return true }
      slashBefore = slash >> 56
      highBits |= word
      offset += length
    }
    return highBits & (0x80 * ones) != 0
  }

  /// The high bit set in exactly the bytes of `word` that are zero.
  @inline(__always)
  private static func zeroBytes(_ word: UInt64) -> UInt64 {
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~((word & low7 &+ low7) | word | low7)
  }
}
