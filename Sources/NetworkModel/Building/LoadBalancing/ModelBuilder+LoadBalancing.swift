extension ModelBuilder {
  /// Load balancers, target groups, listeners and rules, the ECS services' `loadBalancers`
  /// attachments and the ELB API-call events (after ECS, so services can be checked).
  func buildLoadBalancing() {
    let builder = LoadBalancingBuilder(base: self)
    builder.build()
    model.loadBalancing = builder.result
  }
}
