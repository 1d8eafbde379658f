/// An ECS `UpdateService` call that carries a `serviceConnectConfiguration`.
///
/// Changing a service's Service Connect configuration always starts a new deployment: new
/// tasks run with the new configuration and learn the namespace's names when they start, while
/// the old tasks keep theirs until they are replaced (ECS developer guide, "Service Connect";
/// aws-behaviour §2.3). The Service Connect section applies it; other `updateService` calls are
/// core events.
public struct ServiceConnectUpdateSpec: Sendable {
  /// The ECS service, by name or ARN.
  public var service: String
  public var desiredCount: Int?
  public var configuration: ServiceConnectConfigurationSpec
  /// The `updateService` body.
  public var source: SourceRef

  public init(
    service: String, desiredCount: Int?, configuration: ServiceConnectConfigurationSpec,
    source: SourceRef
  ) {
    self.service = service
    self.desiredCount = desiredCount
    self.configuration = configuration
    self.source = source
  }
}
