/// The conditions of a route table, prepared once so that finding the first match of a request
/// is cheap.
///
/// Most rules test the path alone: App Mesh and Service Connect prefix routes, Lattice path
/// rules, `prefix: /` catch-alls, ALB `path-pattern`s that are a literal followed by `*`s
/// (tested as prefixes) or have no wildcard (tested as exact paths). Such a condition is kept as a byte range of one shared buffer
/// with its case sensitivity, so a lookup reads the request path's bytes once and tests each of
/// these rules with one byte comparison, without touching the condition's strings. Any other
/// condition is evaluated as it is (`RequestCondition.matches`). The answer is always exactly
/// the one `RequestCondition.matches` gives: the same byte comparisons, in the same order.
///
/// Immutable and shared by reference: copying a table copies one reference.
@usableFromInline
final class CompiledConditions: Sendable {
  /// How one rule's condition is tested: a plain value, so reading it retains nothing.
  struct Test: Sendable {
    enum Kind: UInt8, Sendable {
      /// `.always`.
      case always
      /// `.path(.prefix(…))`, the pattern being `patterns[start..<start + count]`.
      case pathPrefix
      /// `.path(.exact(…))`, the pattern being `patterns[start..<start + count]`.
      case pathExact
      /// Any other condition: `general[start]`, evaluated with `RequestCondition.matches`.
      case general
    }

    var kind: Kind
    var caseSensitive: Bool
    var start: Int32
    var count: Int32
  }

  /// One test per rule, in table order.
  let tests: [Test]
  /// The UTF-8 bytes of every path pattern, one after the other.
  let patterns: [UInt8]
  /// The conditions tested as they are.
  let general: [RequestCondition]
  /// Whether some test needs the request path's bytes.
  let readsPath: Bool
  /// Whether some condition tests the request's peer address.
  @usableFromInline let readsPeerAddress: Bool

  /// Prepares `conditions`, in table order.
  @usableFromInline
  init(_ conditions: some Sequence<RequestCondition>) {
    var tests: [Test] = []
    var patterns: [UInt8] = []
    var general: [RequestCondition] = []
    func pathTest(_ kind: Test.Kind, _ text: String, _ caseSensitive: Bool) -> Test {
      defer { patterns.append(contentsOf: text.utf8) }
      return Test(
        kind: kind, caseSensitive: caseSensitive, start: Int32(patterns.count),
        count: Int32(text.utf8.count))
    }
    for condition in conditions {
      switch Self.essential(condition) {
      case .always:
        tests.append(Test(kind: .always, caseSensitive: true, start: 0, count: 0))
      case .path(.prefix(let text, let caseSensitive)):
        tests.append(pathTest(.pathPrefix, text, caseSensitive))
      case .path(.exact(let text, let caseSensitive)):
        tests.append(pathTest(.pathExact, text, caseSensitive))
      case .path(.wildcard(let pattern, let caseSensitive)):
        let bytes = Array(pattern.utf8)
        let literalEnd =
          bytes.firstIndex { $0 == WildcardPattern.star || $0 == WildcardPattern.question } ?? bytes.count
        if literalEnd == bytes.count {
          // No wildcard: the pattern accepts that path alone.
          tests.append(pathTest(.pathExact, pattern, caseSensitive))
        } else if bytes[literalEnd...].allSatisfy({ $0 == WildcardPattern.star }) {
          // `/img/*` accepts exactly the paths that start with `/img/`.
          let literal = String(decoding: bytes[..<literalEnd], as: UTF8.self)
          tests.append(pathTest(.pathPrefix, literal, caseSensitive))
        } else {
          tests.append(Test(kind: .general, caseSensitive: true, start: Int32(general.count), count: 0))
          general.append(condition)
        }
      default:
        tests.append(Test(kind: .general, caseSensitive: true, start: Int32(general.count), count: 0))
        general.append(condition)
      }
    }
    self.tests = tests
    self.patterns = patterns
    self.general = general
    readsPath = tests.contains { $0.kind == .pathPrefix || $0.kind == .pathExact }
    readsPeerAddress = general.contains { $0.readsPeerAddress }
  }

  /// `condition` without wrappers that do not change its answer: `allOf` and `anyOf` of a
  /// single condition (an ALB rule with one condition of one value) are that condition.
  private static func essential(_ condition: RequestCondition) -> RequestCondition {
    switch condition {
    case .allOf(let conditions) where conditions.count == 1: return essential(conditions[0])
    case .anyOf(let conditions) where conditions.count == 1: return essential(conditions[0])
    default: return condition
    }
  }

  /// The index of the first condition `request` satisfies, or `nil`.
  @usableFromInline
  func firstMatch(_ request: RequestHead) -> Int? {
    guard readsPath else { return firstMatch(request, path: UnsafeBufferPointer(start: nil, count: 0)) }
    return ASCIICaseFolding.withBytes(request.path) { firstMatch(request, path: $0) }
  }

  /// `firstMatch(_:)` with the bytes of the request's path at hand.
  private func firstMatch(_ request: RequestHead, path: UnsafeBufferPointer<UInt8>) -> Int? {
    patterns.withUnsafeBufferPointer { patterns in
      tests.withUnsafeBufferPointer { tests in
        var index = 0
        while index < tests.count {
          let test = tests[index]
          let start = Int(test.start)
          let count = Int(test.count)
          let passes: Bool
          switch test.kind {
          case .always:
            passes = true
          case .pathPrefix:
            passes = count <= path.count
              && ASCIICaseFolding.bytesEqual(path, 0, patterns, start, count: count, caseSensitive: test.caseSensitive)
          case .pathExact:
            passes = count == path.count
              && ASCIICaseFolding.bytesEqual(path, 0, patterns, start, count: count, caseSensitive: test.caseSensitive)
          case .general:
            passes = general[start].matches(request)
          }
          if passes { return index }
          index += 1
        }
        return nil
      }
    }
  }
}
