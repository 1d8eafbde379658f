import ScenarioFormat

/// The resolved App Mesh world: one ``AppMeshConfiguration`` per configuration revision
/// (revision 0 from the `appMesh` section, one more per App Mesh update event, in event order),
/// the mesh identity of each task definition, and the certificates MeshSim knows the content of.
///
/// Every revision is resolved and validated at build time, so an update event that would be
/// rejected by App Mesh is a scenario error rather than a runtime surprise; the engine switches
/// revisions when the event fires (Envoy receives the new configuration from the control plane).
public struct AppMeshModel: Sendable {
  /// Configuration revisions; index 0 is the initial one.
  public var revisions: [AppMeshConfiguration] = [AppMeshConfiguration()]
  /// The revision each update event installs, keyed by the JSON path of the event's body.
  public var revisionOfEvent: [String: Int] = [:]
  /// The mesh resource each task definition's Envoy container names (index = task definition).
  public var identities: [MeshIdentity?] = []
  public var certificates = MeshCertificateBook()

  public init() {}

  /// The initial configuration.
  public var initial: AppMeshConfiguration { revisions[0] }

  /// Whether the scenario uses App Mesh at all.
  public var isEmpty: Bool { initial.meshes.isEmpty && identities.allSatisfy { $0 == nil } }
}
