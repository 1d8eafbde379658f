import ScenarioFormat
import SimKernel

/// One `serviceConnectConfiguration` of one ECS service, resolved.
public struct ServiceConnectConfiguration: Sendable {
  /// When the configuration takes effect.
  public enum Activation: Sendable, Equatable {
    /// The service was created with it: it holds from the start of the scenario.
    case atStart
    /// An `updateService` event at `at` applies it (with a new deployment); `source` is the
    /// `serviceConnectConfiguration` object of the event.
    case event(at: SimDuration, source: SourceRef)

    /// The time it takes effect (zero for `atStart`).
    public var time: SimDuration {
      switch self {
      case .atStart: return .zero
      case .event(let at, _): return at
      }
    }

    /// The configuration object of the event, for updates.
    public var update: SourceRef? {
      if case .event(_, let source) = self { return source }
      return nil
    }
  }

  /// The ECS service (index).
  public var service: Int
  /// False for an update that turns Service Connect off.
  public var enabled: Bool
  /// The Cloud Map namespace (index); nil when disabled.
  public var namespace: Int?
  /// The endpoints this service serves; empty for a client-only service.
  public var endpoints: [ServiceConnectEndpoint]
  public var activation: Activation
  public var source: SourceRef

  /// Every client alias of the configuration, with the endpoint (index) that owns it.
  public var aliases: [(endpoint: Int, alias: ServiceConnectAlias)] {
    endpoints.indices.compactMap { index in endpoints[index].alias.map { (index, $0) } }
  }
}
