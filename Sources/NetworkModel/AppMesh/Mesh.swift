import ScenarioFormat

/// A service mesh: the boundary of its resources and the egress filter every sidecar applies.
///
/// `DROP_ALL` (the default) lets a node reach only the virtual services it declares as backends,
/// plus `*.amazonaws.com`; `ALLOW_ALL` passes undeclared destinations through to the address the
/// application resolved, unless the node declares any backend (AWS behaviour §1.3).
public struct Mesh: Sendable {
  public var name: String
  public var egressFilter: MeshSpec.EgressFilter
  public var source: SourceRef
}
