/// The parameters of a Cloud Map `DiscoverInstances` call: the `HealthStatus` filter, the
/// attributes every instance must carry (`QueryParameters`), the attributes preferred when some
/// instance carries them (`OptionalParameters`) and `MaxResults` (Cloud Map API reference,
/// `DiscoverInstances`; aws-behaviour §4.4, §7 item 46).
public struct DiscoverInstancesQuery: Sendable {
  /// `HealthStatus`: which instances by health.
  public enum HealthStatus: String, Sendable, CaseIterable {
    /// Healthy instances only (the filter App Mesh's Cloud Map discovery behaves like).
    case healthy = "HEALTHY"
    /// Unhealthy instances only.
    case unhealthy = "UNHEALTHY"
    /// Every instance.
    case all = "ALL"
    /// Healthy instances, or every instance when none is healthy ("failing open").
    case healthyOrElseAll = "HEALTHY_OR_ELSE_ALL"
  }

  public var healthStatus: HealthStatus
  /// Key/value pairs an instance must all carry.
  public var queryParameters: [(String, String)]
  /// Key/value pairs that narrow the answer further only if at least one instance carries them.
  public var optionalParameters: [(String, String)]
  /// At most this many instances are returned (the API's default is 100, its maximum 1000).
  public var maxResults: Int

  public init(
    healthStatus: HealthStatus, queryParameters: [(String, String)] = [],
    optionalParameters: [(String, String)] = [], maxResults: Int = 100
  ) {
    self.healthStatus = healthStatus
    self.queryParameters = queryParameters
    self.optionalParameters = optionalParameters
    self.maxResults = maxResults
  }
}
