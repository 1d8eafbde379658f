import ScenarioFormat
import SimKernel

/// Amazon ECS Service Connect, resolved: every configuration an ECS service runs during the
/// scenario, from `CreateService` and from later `UpdateService` calls.
///
/// A configuration names one Cloud Map namespace (any type: HTTP, private or public DNS) and,
/// for a client-server service, the endpoints its tasks serve. ECS writes the namespace's
/// client alias names into each new task's `/etc/hosts` as `127.255.0.x` addresses and runs a
/// proxy in every task; names never go to Route 53 (ECS developer guide, "Service Connect";
/// aws-behaviour §2).
public struct ServiceConnectModel: Sendable {
  /// Every configuration, the ones services start with first (service order), then updates in
  /// event time order.
  public var configurations: [ServiceConnectConfiguration] = []

  public init() {}

  /// Whether no service ever uses Service Connect.
  public var isEmpty: Bool { configurations.isEmpty }

  /// The configuration service `service` runs from the start of the scenario, if any.
  public func initialConfiguration(of service: Int) -> Int? {
    configurations.firstIndex { $0.service == service && $0.activation == .atStart }
  }

  /// The configuration applied by the `updateService` call whose `serviceConnectConfiguration`
  /// object is at `source`.
  public func configuration(appliedBy source: SourceRef) -> Int? {
    configurations.firstIndex { $0.activation.update == source }
  }

  /// The configurations of one service, in activation order.
  public func configurations(of service: Int) -> [Int] {
    configurations.indices.filter { configurations[$0].service == service }
  }
}

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

  /// A client-only service resolves the namespace's names but serves none.
  public var isClientOnly: Bool { endpoints.isEmpty }

  /// Every client alias of the configuration, with the endpoint (index) that owns it.
  public var aliases: [(endpoint: Int, alias: ServiceConnectAlias)] {
    endpoints.indices.compactMap { index in endpoints[index].alias.map { (index, $0) } }
  }
}
