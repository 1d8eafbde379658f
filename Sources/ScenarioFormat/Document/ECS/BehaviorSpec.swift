import SimKernel

/// What a simulated application does with a request (simulation-only, under `behavior`).
///
/// A container without a behaviour answers 200 with its service name. Per-path rules (`paths`)
/// are tried first, in order; the first whose `prefix` or `path` matches decides.
public struct BehaviorSpec: Sendable {
  /// How long the application works on one request.
  public enum Latency: Sendable {
    case fixed(SimDuration)
    case exponential(mean: SimDuration)
  }
  /// A request the application makes while it handles one (`calls[]`).
  public struct Call: Sendable {
    public var method: String
    public var url: String
    public var headers: [(String, String)]
    public var timeout: SimDuration?
    public var source: SourceRef
  }
  /// An answer for requests whose path matches `pathPrefix` or `pathExact` (`paths[]`).
  public struct Rule: Sendable {
    public var pathPrefix: String?
    public var pathExact: String?
    public var response: Response
    public var source: SourceRef
  }
  /// The answer part of a behaviour; shared by the default and per-path rules.
  public struct Response: Sendable {
    public var status: Int?
    public var body: String?
    public var headers: [(String, String)] = []
    public var latency: Latency?
    public var failRatio: Ratio?
    public var failStatus: Int?
    /// Proxy every request to this URL, like nginx `proxy_pass`.
    public var proxyPass: String?
    /// Call these URLs in order, then answer.
    public var calls: [Call] = []
    /// Close the connection without answering (a TCP reset after accepting).
    public var resetConnection: Bool = false
    /// Answer `failStatus` while the request is younger than this, measured from when the
    /// traffic request started (an upstream that fails for a while after a caller stamps it).
    public var failFor: SimDuration?
    /// Answer normally, then answer every later request with this status (a fault switch).
    public var setFault: Int?
    /// Answer normally and clear a fault set by `setFault`.
    public var clearFault: Bool = false
    public init() {}
  }
  public var response: Response
  public var paths: [Rule]
  /// Requests served at once; more wait in a FIFO queue (absent = unlimited).
  public var concurrency: Int?
  /// Timeout for calls and `proxyPass` (default 60 s, nginx's `proxy_read_timeout`).
  public var upstreamTimeout: SimDuration?
  public var source: SourceRef
}
