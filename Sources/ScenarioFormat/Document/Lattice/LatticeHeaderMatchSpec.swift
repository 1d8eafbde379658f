/// One `headerMatches[]` entry.
public struct LatticeHeaderMatchSpec: Sendable {
  public var name: String
  public var kind: LatticeMatchKind
  public var value: String
  public var caseSensitive: Bool?
  public var source: SourceRef

  public init(
    name: String, kind: LatticeMatchKind, value: String, caseSensitive: Bool?, source: SourceRef
  ) {
    self.name = name
    self.kind = kind
    self.value = value
    self.caseSensitive = caseSensitive
    self.source = source
  }
}
