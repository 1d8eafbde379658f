/// A mesh (`CreateMesh`): `spec.egressFilter.type` is `DROP_ALL` (the default) or `ALLOW_ALL`
/// (AWS behaviour §1.3).
public struct MeshSpec: Sendable {
  /// `spec.egressFilter.type`.
  public enum EgressFilter: String, CaseIterable, Sendable {
    case allowAll = "ALLOW_ALL"
    case dropAll = "DROP_ALL"
  }
  public var meshName: String
  public var egressFilter: EgressFilter?
  /// `spec.serviceDiscovery.ipPreference` (accepted; MeshSim models IPv4 only).
  public var ipPreference: String?
  public var source: SourceRef

  public init(
    meshName: String, egressFilter: EgressFilter?, ipPreference: String?, source: SourceRef
  ) {
    self.meshName = meshName
    self.egressFilter = egressFilter
    self.ipPreference = ipPreference
    self.source = source
  }
}
