/// A regular expression compiled once, at configuration time, and matched against whole values.
///
/// Models Envoy's `safe_regex` (RE2) as used by App Mesh `path.regex` and header `regex`
/// matches and ALB `RegexValues`: the pattern must match the *entire* value, so `redor.*`
/// matches `redorange` but not `xredor`. Swift's `Regex` syntax is a superset of the RE2
/// features configurations use (classes, groups, alternation, bounded repetition, anchors).
/// An invalid pattern is reported by `init(pattern:)` with a readable message, never at match
/// time. Equality and hashing compare the pattern text.
///
/// `Regex` is not declared `Sendable`; a compiled expression is immutable after `init` and its
/// lazily lowered program is initialised atomically by the standard library, hence
/// `@unchecked Sendable`.
public struct CompiledRegex: @unchecked Sendable, Hashable, CustomStringConvertible {
  /// A pattern that could not be compiled.
  public struct InvalidPattern: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pattern as configured.
    public let pattern: String
    /// What is wrong with it, as reported by the regex parser (e.g. `expected ')'`).
    public let problem: String

    /// Creates the error for `pattern`.
    public init(pattern: String, problem: String) {
      self.pattern = pattern
      self.problem = problem
    }

    /// `invalid regex 'a(b': expected ')'`.
    public var description: String { "invalid regex '\(pattern)': \(problem)" }
  }

  /// The pattern as configured.
  public let pattern: String
  /// Boxed so that `CompiledRegex` (and the matcher enums holding it) have a fixed, loadable
  /// layout: `Regex` comes from a resilient module, and holding it inline would make every
  /// matcher enum copy go through runtime value witnesses on the hot path.
  private let box: Box

  /// Compiles `pattern`.
  ///
  /// - Throws: `InvalidPattern` when the pattern is empty or does not parse.
  public init(pattern: String) throws {
    guard !pattern.isEmpty else {
      throw InvalidPattern(pattern: pattern, problem: "the pattern is empty")
    }
    do {
      box = Box(regex: try Regex(pattern))
    } catch {
      throw InvalidPattern(pattern: pattern, problem: String(describing: error))
    }
    self.pattern = pattern
    // Lower the program now so the first request does not pay for it.
    _ = wholeMatch("")
  }

  /// Whether the whole of `text` matches the pattern.
  public func wholeMatch(_ text: String) -> Bool {
    ((try? box.regex.wholeMatch(in: text)) ?? nil) != nil
  }

  /// The pattern.
  public var description: String { pattern }

  public static func == (lhs: CompiledRegex, rhs: CompiledRegex) -> Bool {
    lhs.pattern == rhs.pattern
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(pattern)
  }

  private final class Box {
    let regex: Regex<AnyRegexOutput>
    init(regex: Regex<AnyRegexOutput>) { self.regex = regex }
  }
}
