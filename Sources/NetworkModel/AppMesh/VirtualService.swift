import ScenarioFormat

/// A virtual service: the name applications call, and the provider that serves it — a virtual
/// node, a virtual router, or nothing (503) (AWS behaviour §1.6).
public struct VirtualService: Sendable {
  /// Who serves the virtual service (indices in the configuration).
  public enum Provider: Sendable, Equatable {
    case none
    case virtualNode(Int)
    case virtualRouter(Int)
  }
  public var name: String
  public var mesh: Int
  public var provider: Provider
  public var source: SourceRef
}
