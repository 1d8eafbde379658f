import Diagnostics
import SimKernel

/// Decodes virtual router routes (`CreateRoute` / `UpdateRoute` / `RouteData`).
enum MeshRouteDecoder {
  static func route(_ r: ObjectReader) -> MeshRouteSpec? {
    r.accept(AppMeshSectionDecoder.describeOnlyKeys)
    let mesh = r.string("meshName")
    let router = r.string("virtualRouterName", required: true)
    let name = r.string("routeName", required: true)
    var priority: Int?
    var bodies: [MeshRouteSpec.Body] = []
    if let spec = r.object("spec", required: true, what: "route spec") {
      priority = spec.int("priority", range: 0...1000)
      for (key, kind) in [
        ("httpRoute", AppMeshProtocol.http), ("http2Route", .http2), ("grpcRoute", .grpc),
        ("tcpRoute", .tcp),
      ] {
        guard let reader = spec.object(key, what: key) else { continue }
        bodies.append(body(reader, kind: kind))
        reader.finish()
      }
      spec.finish()
    }
    guard let router, let name else { return nil }
    return MeshRouteSpec(
      meshName: mesh, virtualRouterName: router, routeName: name, priority: priority,
      bodies: bodies, source: SourceRef(r.node))
  }

  static func body(_ r: ObjectReader, kind: AppMeshProtocol) -> MeshRouteSpec.Body {
    var match: MeshMatchSpec?
    if let reader = r.object("match", required: kind != .tcp, what: "route match") {
      switch kind {
      case .tcp:
        var tcp = MeshMatchSpec(source: SourceRef(reader.node))
        tcp.port = reader.int("port", range: 1...65535)
        match = tcp
      case .grpc: match = MeshMatchDecoder.match(reader, shape: .grpcRoute)
      case .http, .http2: match = MeshMatchDecoder.match(reader, shape: .httpRoute)
      }
      reader.finish()
    }
    var targets: [MeshRouteSpec.WeightedTarget] = []
    if let action = r.object("action", required: true, what: "route action") {
      targets = r.context.objects(
        action.array("weightedTargets", required: true), what: "weighted target"
      ) {
        target in
        let node = target.string("virtualNode", required: true)
        let weight = target.int("weight", required: true, range: 0...100)
        let port = target.int("port", range: 1...65535)
        guard let node, let weight else { return nil }
        return MeshRouteSpec.WeightedTarget(
          virtualNode: node, weight: weight, port: port, source: SourceRef(target.node))
      }
      action.finish()
    }
    var retry: MeshRouteSpec.RetryPolicy?
    if kind != .tcp, let reader = r.object("retryPolicy", what: "retryPolicy") {
      retry = retryPolicy(reader, grpc: kind == .grpc)
      reader.finish()
    }
    var perRequest: SimDuration?
    var idle: SimDuration?
    if let timeout = r.object("timeout", what: "route timeout") {
      if kind != .tcp { perRequest = AppMeshSectionDecoder.duration(timeout, "perRequest") }
      idle = AppMeshSectionDecoder.duration(timeout, "idle")
      timeout.finish()
    }
    return MeshRouteSpec.Body(
      kind: kind, match: match, targets: targets, retryPolicy: retry, perRequestTimeout: perRequest,
      idleTimeout: idle, source: SourceRef(r.node))
  }

  /// `HttpRetryPolicy` / `GrpcRetryPolicy`; event names are validated by the model builder.
  static func retryPolicy(_ r: ObjectReader, grpc: Bool) -> MeshRouteSpec.RetryPolicy? {
    let maxRetries = r.int("maxRetries", required: true, range: 0...Int(Int32.max))
    let perRetry = AppMeshSectionDecoder.duration(r, "perRetryTimeout", required: true)
    let http = r.stringArray("httpRetryEvents") ?? []
    let tcp = r.stringArray("tcpRetryEvents") ?? []
    let grpcEvents = grpc ? (r.stringArray("grpcRetryEvents") ?? []) : []
    guard let maxRetries else { return nil }
    return MeshRouteSpec.RetryPolicy(
      maxRetries: maxRetries, perRetryTimeout: perRetry, httpRetryEvents: http, tcpRetryEvents: tcp,
      grpcRetryEvents: grpcEvents, source: SourceRef(r.node))
  }
}
