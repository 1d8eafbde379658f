/// What a sidecar's egress listener does with an outbound connection of its application.
public enum MeshEgressDecision: Sendable, Equatable {
  /// Route through the mesh to this virtual service, as seen on this port.
  case route(service: Int, port: Int, reason: String)
  /// The virtual service is a declared backend but has no provider: 503.
  case noProvider(service: Int)
  /// Forward to the address the application resolved (ALLOW_ALL, `*.amazonaws.com`).
  case passthrough(reason: String)
  /// Answer 404 (an HTTP filter chain exists for the port, no virtual host matches).
  case notFound(disposition: Disposition, reason: String)
  /// Close the connection (no filter chain for the port).
  case closed(disposition: Disposition, reason: String)
}
