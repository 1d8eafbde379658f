/// The `appMesh` section (being built; see the AppMesh issue).
public struct AppMeshSection: Sendable {
  public init() {}
}

/// An API call event on the `appMesh` section.
public enum AppMeshCallSpec: Sendable {}
