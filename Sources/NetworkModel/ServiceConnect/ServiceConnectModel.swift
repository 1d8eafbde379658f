import ScenarioFormat

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
