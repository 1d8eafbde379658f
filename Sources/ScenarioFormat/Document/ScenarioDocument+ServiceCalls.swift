import SimKernel

extension ScenarioDocument {
  /// The service-section calls among the events whose body `section` extracts (`\.elb`,
  /// `\.appMesh`, …), in the order they take effect: by time, then in document order. The model
  /// builders replay them in this order, so each is checked against the state before it.
  public func serviceCalls<Body>(_ section: (ServiceCallBody) -> Body?) -> [(
    at: SimDuration, body: Body
  )] {
    events.enumerated().compactMap { offset, event -> (SimDuration, Int, Body)? in
      guard case .serviceCall(let call) = event.action, let body = section(call.body) else {
        return nil
      }
      return (event.at, offset, body)
    }
    .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    .map { (at: $0.0, body: $0.2) }
  }
}
