/// How a virtual node's endpoints are found (AWS behaviour §1.5).
///
/// With DNS, Envoy resolves the host name through the VPC resolver and, with the default
/// `LOADBALANCER` response type, uses a single resolved address (so outlier detection cannot
/// eject individual hosts); `ENDPOINTS` uses every address. With Cloud Map, Envoy gets every
/// registered instance whose attributes match all the listed ones.
public enum MeshServiceDiscovery: Sendable {
  case dns(hostname: String, allEndpoints: Bool)
  /// `service` is the Cloud Map service index when the scenario declares it (nil: no endpoints).
  case cloudMap(
    service: Int?, namespaceName: String, serviceName: String,
    attributes: [(key: String, value: String)])

  /// `dns colorteller.local` / `Cloud Map color.howto.local [ECS_TASK_DEFINITION_FAMILY=blue]`.
  public var label: String {
    switch self {
    case .dns(let hostname, let all): return "DNS \(hostname)" + (all ? " (ENDPOINTS)" : "")
    case .cloudMap(_, let namespace, let service, let attributes):
      let filter =
        attributes.isEmpty
        ? "" : " [" + attributes.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + "]"
      return "Cloud Map \(service).\(namespace)\(filter)"
    }
  }
}
