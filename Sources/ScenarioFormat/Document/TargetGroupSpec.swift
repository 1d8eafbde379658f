/// A target group as `CreateTargetGroup` takes it: protocol and port, target type and the
/// health-check settings (defaults are applied by the model builder, per load balancer kind).
public struct TargetGroupSpec: Sendable {
  /// `TargetType`: `instance` is the API default; ECS tasks in awsvpc mode need `ip`.
  public enum TargetType: String, CaseIterable, Sendable {
    case instance, ip, lambda, alb
  }
  /// `ProtocolVersion` of HTTP/HTTPS target groups.
  public enum ProtocolVersion: String, CaseIterable, Sendable {
    case http1 = "HTTP1"
    case http2 = "HTTP2"
    case grpc = "GRPC"
  }
  public var name: String
  public var arn: String?
  public var `protocol`: ELBProtocol?
  public var protocolVersion: ProtocolVersion?
  public var port: Int?
  public var vpc: String?
  public var targetType: TargetType
  public var healthCheck: HealthCheckSpec
  public var tags: [Tag]
  public var source: SourceRef
}

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
