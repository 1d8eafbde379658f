import SimKernel

extension CloudMapRegistry {
  /// The instances `DiscoverInstances` would return for `query`, in registration order:
  /// those carrying every query parameter, narrowed by the optional parameters when at least one
  /// of them carries those too, then filtered by health. The health filter is ignored for a
  /// service without a health check (every instance is returned); `HEALTHY_OR_ELSE_ALL` returns
  /// every matching instance when none is healthy. At most `maxResults`.
  ///
  /// Consumers that keep their own order over the set (App Mesh's Envoys balance round robin
  /// over it) use this; `discoverInstances(of:query:at:using:)` answers in the API's random order.
  public func discoverInstances(of service: Int, query: DiscoverInstancesQuery, at now: SimTime)
    -> [Instance]
  {
    Array(matchingInstances(of: service, query: query, at: now).prefix(max(query.maxResults, 0)))
  }

  /// `DiscoverInstances` as the API answers: the matching instances in a random order drawn from
  /// `generator`, and a random subset of them when more than `maxResults` match.
  public func discoverInstances<G: RandomNumberGenerator>(
    of service: Int, query: DiscoverInstancesQuery, at now: SimTime, using generator: inout G
  ) -> [Instance] {
    var matching = matchingInstances(of: service, query: query, at: now)
    matching.shuffle(using: &generator)
    return Array(matching.prefix(max(query.maxResults, 0)))
  }

  /// Every instance that passes the attribute and health filters of `query`.
  func matchingInstances(of service: Int, query: DiscoverInstancesQuery, at now: SimTime)
    -> [Instance]
  {
    func carries(_ instance: Instance, _ pairs: [(String, String)]) -> Bool {
      pairs.allSatisfy { wanted in
        instance.attributes.contains { $0.0 == wanted.0 && $0.1 == wanted.1 }
      }
    }
    var candidates = currentInstances(of: service, at: now).filter {
      carries($0, query.queryParameters)
    }
    if !query.optionalParameters.isEmpty {
      let preferred = candidates.filter { carries($0, query.optionalParameters) }
      if !preferred.isEmpty { candidates = preferred }
    }
    guard model.discoveryServices[service].healthCheckCustom else { return candidates }
    switch query.healthStatus {
    case .all:
      return candidates
    case .healthy:
      return candidates.filter(\.healthy)
    case .unhealthy:
      return candidates.filter { !$0.healthy }
    case .healthyOrElseAll:
      let healthy = candidates.filter(\.healthy)
      return healthy.isEmpty ? candidates : healthy
    }
  }
}
