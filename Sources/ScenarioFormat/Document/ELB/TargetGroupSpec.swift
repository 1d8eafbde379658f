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
