/// `match.httpMatch`: method, path and header conditions, all of which must hold.
public struct LatticeHTTPMatchSpec: Sendable {
  public var method: String?
  public var pathMatch: LatticePathMatchSpec?
  public var headerMatches: [LatticeHeaderMatchSpec]
  public var source: SourceRef

  public init(
    method: String?, pathMatch: LatticePathMatchSpec?, headerMatches: [LatticeHeaderMatchSpec],
    source: SourceRef
  ) {
    self.method = method
    self.pathMatch = pathMatch
    self.headerMatches = headerMatches
    self.source = source
  }
}
