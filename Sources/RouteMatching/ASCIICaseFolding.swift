/// Byte-level string comparisons with optional ASCII case folding.
///
/// Every matcher in this module compares UTF-8 bytes, as HTTP proxies do: no Unicode
/// normalisation, and case-insensitive comparisons fold only `A`–`Z` (AWS documents that
/// ALB conditions consider visible ASCII only; HTTP header names are ASCII tokens). Both sides
/// are folded byte by byte while comparing, so no comparison allocates and configured patterns
/// never need a lower-cased copy.
///
/// Strings are read through their contiguous UTF-8 storage (always available for native Swift
/// strings, including small ones), so these functions are safe for the per-request hot path.
enum ASCIICaseFolding {
  /// `byte` with `A`–`Z` mapped to `a`–`z`.
  @inline(__always)
  static func fold(_ byte: UInt8) -> UInt8 {
    byte &- 0x41 < 26 ? byte | 0x20 : byte
  }

  /// `text` with ASCII letters lower-cased; other characters unchanged.
  static func lowercased(_ text: String) -> String {
    var result = text
    if text.utf8.contains(where: { $0 &- 0x41 < 26 }) {
      result = String(decoding: text.utf8.map(fold), as: UTF8.self)
    }
    return result
  }

  /// Calls `body` with the UTF-8 bytes of `text`, without copying for native strings.
  @inline(__always)
  static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) {
      return result
    }
    return Array(text.utf8).withUnsafeBufferPointer(body)
  }

  /// Whether `count` bytes of `a` from `aStart` equal those of `b` from `bStart`.
  @inline(__always)
  static func bytesEqual(
    _ a: UnsafeBufferPointer<UInt8>, _ aStart: Int,
    _ b: UnsafeBufferPointer<UInt8>, _ bStart: Int,
    count: Int, caseSensitive: Bool
  ) -> Bool {
    var offset = 0
    if caseSensitive {
      guard count > 0, let aBase = a.baseAddress, let bBase = b.baseAddress else { return true }
      let left = UnsafeRawPointer(aBase + aStart)
      let right = UnsafeRawPointer(bBase + bStart)
      // Eight bytes at a time; a last partial word is compared as the final eight bytes.
      if count >= 8 {
        while offset + 8 <= count {
          if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
          {
            return false
          }
          offset += 8
        }
        return offset == count
          || left.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            == right.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
      }
      if count >= 4 {
        return left.loadUnaligned(as: UInt32.self) == right.loadUnaligned(as: UInt32.self)
          && left.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            == right.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
      }
      while offset < count {
        if a[aStart + offset] != b[bStart + offset] { return false }
        offset += 1
      }
    } else {
      while offset < count {
        if fold(a[aStart + offset]) != fold(b[bStart + offset]) { return false }
        offset += 1
      }
    }
    return true
  }

  /// Whether `text` equals `other` byte for byte (folding ASCII case when not `caseSensitive`).
  static func equal(_ text: String, _ other: String, caseSensitive: Bool) -> Bool {
    withBytes(text) { a in
      withBytes(other) { b in
        a.count == b.count && bytesEqual(a, 0, b, 0, count: a.count, caseSensitive: caseSensitive)
      }
    }
  }

  /// Whether `text` starts with `prefix`.
  static func hasPrefix(_ text: String, _ prefix: String, caseSensitive: Bool) -> Bool {
    withBytes(text) { a in
      withBytes(prefix) { p in
        p.count <= a.count && bytesEqual(a, 0, p, 0, count: p.count, caseSensitive: caseSensitive)
      }
    }
  }

  /// Whether `text` ends with `suffix`.
  static func hasSuffix(_ text: String, _ suffix: String, caseSensitive: Bool) -> Bool {
    withBytes(text) { a in
      withBytes(suffix) { s in
        s.count <= a.count
          && bytesEqual(a, a.count - s.count, s, 0, count: s.count, caseSensitive: caseSensitive)
      }
    }
  }

  /// Whether `needle` occurs anywhere in `text` (the empty needle occurs everywhere).
  static func contains(_ text: String, _ needle: String, caseSensitive: Bool) -> Bool {
    withBytes(text) { a in
      withBytes(needle) { n in
        if n.count > a.count { return false }
        var start = 0
        while start + n.count <= a.count {
          if bytesEqual(a, start, n, 0, count: n.count, caseSensitive: caseSensitive) {
            return true
          }
          start += 1
        }
        return false
      }
    }
  }
}
