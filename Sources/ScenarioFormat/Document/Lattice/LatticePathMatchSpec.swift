/// `pathMatch`: exactly one of `match.exact` / `match.prefix`, and `caseSensitive`.
public struct LatticePathMatchSpec: Sendable {
  public var kind: LatticeMatchKind
  public var value: String
  public var caseSensitive: Bool?
  public var source: SourceRef

  public init(kind: LatticeMatchKind, value: String, caseSensitive: Bool?, source: SourceRef) {
    self.kind = kind
    self.value = value
    self.caseSensitive = caseSensitive
    self.source = source
  }
}
