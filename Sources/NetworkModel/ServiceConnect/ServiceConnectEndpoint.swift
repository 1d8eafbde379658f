import ScenarioFormat
import SimKernel

/// One entry of `serviceConnectConfiguration.services`: a named container port the service's
/// tasks serve to the namespace, with its discovery name, client alias, proxy port and timeouts.
///
/// Defaults follow the ECS API reference: `discoveryName` is the port name, the alias name is
/// `discoveryName.namespace` (only that exact string resolves, §6 C6), the server-side proxy
/// listens on the container port unless `ingressPortOverride` says otherwise, the idle timeout
/// is 300 s for HTTP/HTTP2/gRPC and 3600 s for TCP, and the per-request timeout (HTTP only,
/// undocumented default) is 15 s as in Envoy (aws-behaviour §2.1, §6 C8).
public struct ServiceConnectEndpoint: Sendable {
  /// The port mapping's `appProtocol`; absent means plain TCP.
  public enum AppProtocol: String, Sendable, CaseIterable {
    case http, http2, grpc, tcp

    /// Whether the proxy sees HTTP requests (statuses, retries on 503, per-request timeout).
    public var isHTTP: Bool { self != .tcp }
  }

  /// Which limit ends a request that gets no answer.
  public enum TimeoutKind: String, Sendable {
    /// `perRequestTimeoutSeconds`: the proxy answers 504.
    case perRequest
    /// `idleTimeoutSeconds`: the proxy closes the idle connection without an answer.
    case idle
  }

  public var portName: String
  public var discoveryName: String
  /// The Cloud Map service (index in `NetworkModel.discoveryServices`) ECS creates for the
  /// discovery name and registers each task in.
  public var discoveryService: Int
  /// The container that owns the named port, and the port.
  public var containerName: String
  public var containerPort: Int
  /// The port the task's server-side proxy listens on: `ingressPortOverride` or the container
  /// port. Client proxies connect to it, so security groups must allow it.
  public var ingressPort: Int
  public var hasIngressPortOverride: Bool
  public var appProtocol: AppProtocol
  /// The client alias; nil when the entry has none (registered, but no client can address it,
  /// §6 C7). ECS accepts at most one.
  public var alias: ServiceConnectAlias?
  /// nil when disabled (0).
  public var idleTimeout: SimDuration?
  /// nil when disabled (0) or for TCP.
  public var perRequestTimeout: SimDuration?
  /// `tls.issuerCertificateAuthority.awsPcaAuthorityArn`: proxy-to-proxy traffic is TLS.
  public var tlsAuthority: String?
  public var source: SourceRef

  /// The limit that ends an unanswered request: the smaller of the per-request and idle
  /// timeouts that are enabled ("if idle < perRequest the connection closes at idle", ECS API
  /// `TimeoutConfiguration`); nil when both are disabled.
  public var requestTimeout: (limit: SimDuration, kind: TimeoutKind)? {
    switch (perRequestTimeout, idleTimeout) {
    case (let request?, let idle?): return idle < request ? (idle, .idle) : (request, .perRequest)
    case (let request?, nil): return (request, .perRequest)
    case (nil, let idle?): return (idle, .idle)
    case (nil, nil): return nil
    }
  }
}
