import ScenarioFormat

/// Every Elastic Load Balancing resource of a scenario, resolved: load balancers with their
/// listeners (ALB rules compiled into route tables), target groups with health-check settings
/// and attributes (AWS defaults applied), the ECS services registering into them, and the ELB
/// API calls scheduled as events.
///
/// Indices refer to `NetworkModel` arrays (`subnets`, `securityGroups`, `services`) and to this
/// model's own arrays.
public struct LoadBalancingModel: Sendable {
  public var loadBalancers: [LoadBalancer] = []
  public var listeners: [LoadBalancerListener] = []
  public var targetGroups: [TargetGroup] = []
  /// ECS services' `loadBalancers` entries, in service then declaration order.
  public var attachments: [TargetGroupAttachment] = []
  /// Resolved ELB API-call events in the order they fire, each with where its body was written.
  public var changes: [(source: SourceRef, change: LoadBalancerChange)] = []

  public init() {}

  /// The resolution of an ELB call event (present for every call of a valid model).
  public func change(for call: ELBCallSpec) -> LoadBalancerChange? {
    changes.first { $0.source == call.source }?.change
  }

  /// The load balancer whose DNS name is `name` (case-insensitive), if any.
  public func loadBalancer(dnsName name: String) -> Int? {
    let lowered = name.lowercased()
    return loadBalancers.firstIndex { $0.dnsName == lowered }
  }

  /// The listener of load balancer `loadBalancer` on `port`, if any.
  public func listener(of loadBalancer: Int, port: Int) -> Int? {
    loadBalancers[loadBalancer].listeners.first { listeners[$0].port == port }
  }
}
