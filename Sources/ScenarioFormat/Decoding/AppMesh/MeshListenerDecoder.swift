import Diagnostics

/// Decodes virtual node and virtual gateway listeners: port mapping, health check, outlier
/// detection, connection pool, timeout and TLS.
enum MeshListenerDecoder {
  static func listener(_ r: ObjectReader, gateway: Bool) -> MeshListenerSpec? {
    let allowed: [AppMeshProtocol] = gateway ? [.http, .http2, .grpc] : AppMeshProtocol.allCases
    let mapping = AppMeshSectionDecoder.portMapping(r, protocols: allowed)
    let check = r.object("healthCheck", what: "healthCheck").flatMap {
      reader -> MeshListenerSpec.HealthCheck? in
      defer { reader.finish() }
      return healthCheck(reader, protocols: allowed)
    }
    var outlier: MeshListenerSpec.OutlierDetection?
    if !gateway, let reader = r.object("outlierDetection", what: "outlierDetection") {
      outlier = outlierDetection(reader)
      reader.finish()
    }
    var pools: [MeshListenerSpec.ConnectionPool] = []
    if let reader = r.object("connectionPool", what: "connectionPool") {
      pools = connectionPools(reader, protocols: allowed)
      reader.finish()
    }
    var timeouts: [MeshListenerSpec.Timeout] = []
    if !gateway, let reader = r.object("timeout", what: "listener timeout") {
      for proto in AppMeshProtocol.allCases {
        guard let member = reader.object(proto.rawValue, what: "\(proto.rawValue) timeout") else {
          continue
        }
        let perRequest = proto == .tcp ? nil : AppMeshSectionDecoder.duration(member, "perRequest")
        let idle = AppMeshSectionDecoder.duration(member, "idle")
        timeouts.append(
          .init(
            protocolName: proto, perRequest: perRequest, idle: idle, source: SourceRef(member.node))
        )
        member.finish()
      }
      reader.finish()
    }
    let tls = r.object("tls", what: "listener tls").flatMap { reader -> MeshTLSSpec.Listener? in
      defer { reader.finish() }
      return MeshTLSDecoder.listenerTLS(reader)
    }
    guard let mapping else { return nil }
    return MeshListenerSpec(
      port: mapping.port, protocolName: mapping.protocolName, healthCheck: check,
      outlierDetection: outlier,
      connectionPools: pools, timeouts: timeouts, tls: tls, source: SourceRef(r.node))
  }

  /// `HealthCheckPolicy`: thresholds 2–10, interval 5000–300000 ms, timeout 2000–60000 ms.
  static func healthCheck(_ r: ObjectReader, protocols: [AppMeshProtocol]) -> MeshListenerSpec
    .HealthCheck?
  {
    let proto = AppMeshSectionDecoder.protocolValue(
      r, "protocol", allowed: protocols, required: true)
    let path = r.string("path")
    let port = r.int("port", range: 1...65535)
    let healthy = r.int("healthyThreshold", required: true, range: 2...10)
    let unhealthy = r.int("unhealthyThreshold", required: true, range: 2...10)
    let interval = r.int("intervalMillis", required: true, range: 5000...300_000)
    let timeout = r.int("timeoutMillis", required: true, range: 2000...60000)
    guard let proto, let healthy, let unhealthy, let interval, let timeout else { return nil }
    return MeshListenerSpec.HealthCheck(
      protocolName: proto, path: path, port: port, healthyThreshold: healthy,
      unhealthyThreshold: unhealthy,
      intervalMillis: interval, timeoutMillis: timeout, source: SourceRef(r.node))
  }

  /// `OutlierDetection`: every field is required.
  static func outlierDetection(_ r: ObjectReader) -> MeshListenerSpec.OutlierDetection? {
    let errors = r.int("maxServerErrors", required: true, range: 1...Int(Int32.max))
    let interval = AppMeshSectionDecoder.duration(r, "interval", required: true)
    let base = AppMeshSectionDecoder.duration(r, "baseEjectionDuration", required: true)
    let percent = r.int("maxEjectionPercent", required: true, range: 0...100)
    guard let errors, let interval, let base, let percent else { return nil }
    return MeshListenerSpec.OutlierDetection(
      maxServerErrors: errors, interval: interval, baseEjectionDuration: base,
      maxEjectionPercent: percent,
      source: SourceRef(r.node))
  }

  /// The `connectionPool` union; each member's limits are read as the API defines them.
  static func connectionPools(_ r: ObjectReader, protocols: [AppMeshProtocol]) -> [MeshListenerSpec
    .ConnectionPool]
  {
    var pools: [MeshListenerSpec.ConnectionPool] = []
    for proto in protocols {
      guard let member = r.object(proto.rawValue, what: "\(proto.rawValue) connection pool") else {
        continue
      }
      var pool = MeshListenerSpec.ConnectionPool(
        protocolName: proto, source: SourceRef(member.node))
      switch proto {
      case .tcp:
        pool.maxConnections = member.int("maxConnections", required: true, range: 1...Int.max)
      case .http:
        pool.maxConnections = member.int("maxConnections", required: true, range: 1...Int.max)
        pool.maxPendingRequests = member.int("maxPendingRequests", range: 1...Int.max)
      case .http2, .grpc:
        pool.maxRequests = member.int("maxRequests", required: true, range: 1...Int.max)
      }
      member.finish()
      pools.append(pool)
    }
    return pools
  }
}

extension MeshListenerSpec.ConnectionPool {
  init(protocolName: AppMeshProtocol, source: SourceRef) {
    self.init(
      protocolName: protocolName, maxConnections: nil, maxPendingRequests: nil, maxRequests: nil,
      source: source)
  }
}
