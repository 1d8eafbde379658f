/// The `HealthCheck*` fields and `Matcher` of `CreateTargetGroup` / `ModifyTargetGroup`, as
/// written (nil = not given).
public struct HealthCheckSpec: Sendable {
  /// `HealthCheckProtocol`.
  public enum HealthCheckProtocol: String, CaseIterable, Sendable {
    case http = "HTTP"
    case https = "HTTPS"
    case tcp = "TCP"
  }
  public var enabled: Bool?
  public var `protocol`: HealthCheckProtocol?
  /// `HealthCheckPort`: `traffic-port` or a port number (the API takes a string).
  public var port: String?
  public var path: String?
  public var intervalSeconds: Int?
  public var timeoutSeconds: Int?
  public var healthyThresholdCount: Int?
  public var unhealthyThresholdCount: Int?
  /// `Matcher.HttpCode`: `200`, `200,202` or `200-299`.
  public var httpCode: String?
  /// `Matcher.GrpcCode`: `12`, `0-99`.
  public var grpcCode: String?
  public var source: SourceRef

  public init(source: SourceRef) { self.source = source }

  /// Whether no field was given.
  public var isEmpty: Bool {
    enabled == nil && `protocol` == nil && port == nil && path == nil && intervalSeconds == nil
      && timeoutSeconds == nil && healthyThresholdCount == nil && unhealthyThresholdCount == nil
      && httpCode == nil && grpcCode == nil
  }
}
