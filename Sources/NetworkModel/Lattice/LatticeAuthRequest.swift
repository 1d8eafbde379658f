import RouteMatching

/// The request context an auth policy is evaluated against: the caller, the action, the
/// resource ARN (`…:service/<id>/<path>`) and the values of the condition keys.
///
/// TLS passthrough connections carry no HTTP parts (`method`, `path`, headers are nil), so
/// policies can only judge them by principal, VPC, port and ARNs.
public struct LatticeAuthRequest: Sendable {
  public var caller: LatticeCaller
  /// `vpc-lattice-svcs:Invoke` (HTTP) or `vpc-lattice-svcs:Connect` (TLS passthrough).
  public var action: String
  public var resource: String
  /// The id of the caller's VPC.
  public var sourceVPC: String?
  public var sourceVPCOwnerAccount: String?
  public var method: String?
  public var path: String?
  public var headers: HTTPHeaders?
  public var query: [(name: String, value: String)]
  public var port: Int
  public var serviceArn: String
  public var serviceNetworkArn: String

  public init(
    caller: LatticeCaller, action: String, resource: String, sourceVPC: String?,
    sourceVPCOwnerAccount: String?, method: String?, path: String?, headers: HTTPHeaders?,
    query: [(name: String, value: String)] = [], port: Int, serviceArn: String,
    serviceNetworkArn: String
  ) {
    self.caller = caller
    self.action = action
    self.resource = resource
    self.sourceVPC = sourceVPC
    self.sourceVPCOwnerAccount = sourceVPCOwnerAccount
    self.method = method
    self.path = path
    self.headers = headers
    self.query = query
    self.port = port
    self.serviceArn = serviceArn
    self.serviceNetworkArn = serviceNetworkArn
  }

  /// The resource ARN of a request to `path` of a service: `<service arn>/<path without '/'>`.
  public static func resource(serviceArn: String, path: String) -> String {
    serviceArn + "/" + (path.hasPrefix("/") ? String(path.dropFirst()) : path)
  }

  /// The value of a condition key, or nil when the request has no such key.
  public func value(of key: LatticeConditionKey) -> String? {
    switch key {
    case .principalAccount:
      if case .principal(let principal) = caller { return principal.account }
      return nil
    case .principalType:
      if case .principal(let principal) = caller { return principal.type }
      return "Anonymous"
    case .principalArn:
      if case .principal(let principal) = caller { return principal.principalArn }
      return nil
    case .sourceVPC: return sourceVPC
    case .sourceVPCOwnerAccount: return sourceVPCOwnerAccount
    case .requestMethod: return method
    case .requestPath: return path
    case .requestHeader(let name): return headers?.combinedValue(for: name)
    case .requestQueryString(let name): return query.first { $0.name == name }?.value
    case .port: return String(port)
    case .serviceArn: return serviceArn
    case .serviceNetworkArn: return serviceNetworkArn
    }
  }
}
