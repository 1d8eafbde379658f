/// A listener or route protocol of App Mesh (`PortProtocol`: `http`, `http2`, `grpc`, `tcp`).
///
/// Virtual gateways accept `http`, `http2` and `grpc` only (`VirtualGatewayPortProtocol`); HTTPS
/// is never a listener protocol — TLS is configured separately (AWS behaviour §1.5, §1.8).
public enum AppMeshProtocol: String, CaseIterable, Sendable {
  case http, http2, grpc, tcp

  /// Whether requests on this protocol carry HTTP semantics (host, path, headers).
  public var isHTTP: Bool { self != .tcp }
}
