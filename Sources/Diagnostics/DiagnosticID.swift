/// The stable identifier of a kind of diagnostic, `<stage>.<kebab-name>`.
///
/// Identifiers such as `syntax.duplicate-key`, `schema.unknown-key` or
/// `model.unresolved-reference` never change once published: tests, editors and CI filters
/// match on them, while the message text is free to improve.
public struct DiagnosticID: Sendable {
  /// The identifier text, for example `schema.unknown-key`.
  public let rawValue: String

  /// Creates an identifier from its text.
  public init(_ rawValue: String) {
    self.rawValue = rawValue
  }

  /// The stage prefix before the first dot (`syntax`, `schema`, `model`, …).
  public var stage: Substring {
    rawValue.prefix { $0 != "." }
  }
}

extension DiagnosticID: Hashable {}

extension DiagnosticID: Comparable {
  /// Orders identifiers by their text.
  public static func < (lhs: DiagnosticID, rhs: DiagnosticID) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}

extension DiagnosticID: ExpressibleByStringLiteral {
  /// Creates an identifier from a string literal such as `"schema.unknown-key"`.
  public init(stringLiteral value: String) {
    self.rawValue = value
  }
}

extension DiagnosticID: CustomStringConvertible {
  /// The identifier text.
  public var description: String { rawValue }
}
