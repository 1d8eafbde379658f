import Diagnostics

/// Decodes virtual gateways and gateway routes (`CreateVirtualGateway`, `CreateGatewayRoute`).
enum VirtualGatewayDecoder {
  static func virtualGateway(_ r: ObjectReader) -> VirtualGatewaySpec? {
    r.accept(AppMeshSectionDecoder.describeOnlyKeys)
    let mesh = r.string("meshName")
    let name = r.string("virtualGatewayName", required: true)
    var listeners: [MeshListenerSpec] = []
    var defaults: MeshTLSSpec.ClientPolicy?
    if let spec = r.object("spec", required: true, what: "virtual gateway spec") {
      listeners = r.context.objects(
        spec.array("listeners", required: true), what: "virtual gateway listener"
      ) {
        MeshListenerDecoder.listener($0, gateway: true)
      }
      if let backendDefaults = spec.object("backendDefaults", what: "backendDefaults") {
        defaults = MeshTLSDecoder.clientPolicyContainer(backendDefaults)
        backendDefaults.finish()
      }
      spec.accept(["logging"])
      spec.finish()
    }
    guard let name else { return nil }
    return VirtualGatewaySpec(
      meshName: mesh, virtualGatewayName: name, listeners: listeners,
      backendDefaults: defaults, source: SourceRef(r.node))
  }

  static func gatewayRoute(_ r: ObjectReader) -> GatewayRouteSpec? {
    r.accept(AppMeshSectionDecoder.describeOnlyKeys)
    let mesh = r.string("meshName")
    let gateway = r.string("virtualGatewayName", required: true)
    let name = r.string("gatewayRouteName", required: true)
    var priority: Int?
    var bodies: [GatewayRouteSpec.Body] = []
    if let spec = r.object("spec", required: true, what: "gateway route spec") {
      priority = spec.int("priority", range: 0...1000)
      for (key, kind) in [
        ("httpRoute", AppMeshProtocol.http), ("http2Route", .http2), ("grpcRoute", .grpc),
      ] {
        guard let reader = spec.object(key, what: key) else { continue }
        bodies.append(body(reader, kind: kind))
        reader.finish()
      }
      spec.finish()
    }
    guard let gateway, let name else { return nil }
    return GatewayRouteSpec(
      meshName: mesh, virtualGatewayName: gateway, gatewayRouteName: name, priority: priority,
      bodies: bodies, source: SourceRef(r.node))
  }

  static func body(_ r: ObjectReader, kind: AppMeshProtocol) -> GatewayRouteSpec.Body {
    var match: MeshMatchSpec?
    if let reader = r.object("match", required: true, what: "gateway route match") {
      match = MeshMatchDecoder.match(
        reader, shape: kind == .grpc ? .grpcGatewayRoute : .httpGatewayRoute)
      reader.finish()
    }
    var service: String?
    var port: Int?
    var rewrite: GatewayRouteSpec.Rewrite?
    if let action = r.object("action", required: true, what: "gateway route action") {
      if let target = action.object("target", required: true, what: "gateway route target") {
        port = target.int("port", range: 1...65535)
        if let vs = target.object("virtualService", required: true, what: "target virtualService") {
          service = vs.string("virtualServiceName", required: true)
          vs.finish()
        }
        target.finish()
      }
      if let reader = action.object("rewrite", what: "rewrite") {
        rewrite = self.rewrite(reader, grpc: kind == .grpc)
        reader.finish()
      }
      action.finish()
    }
    return GatewayRouteSpec.Body(
      kind: kind, match: match, targetVirtualService: service, targetPort: port,
      rewrite: rewrite, source: SourceRef(r.node))
  }

  enum RewriteSwitch: String, CaseIterable {
    case enabled = "ENABLED", disabled = "DISABLED"
  }

  /// `rewrite`: `hostname.defaultTargetHostname`, and for HTTP `prefix` and `path`.
  static func rewrite(_ r: ObjectReader, grpc: Bool) -> GatewayRouteSpec.Rewrite {
    var rewrite = GatewayRouteSpec.Rewrite(source: SourceRef(r.node))
    if let hostname = r.object("hostname", what: "hostname rewrite") {
      rewrite.defaultTargetHostname =
        hostname.enumValue("defaultTargetHostname", RewriteSwitch.self)?.rawValue
      hostname.finish()
    }
    guard !grpc else { return rewrite }
    if let prefix = r.object("prefix", what: "prefix rewrite") {
      rewrite.defaultPrefix = prefix.enumValue("defaultPrefix", RewriteSwitch.self)?.rawValue
      rewrite.prefixValue = prefix.string("value")
      prefix.finish()
    }
    if let path = r.object("path", what: "path rewrite") {
      rewrite.pathExact = path.string("exact")
      path.finish()
    }
    return rewrite
  }
}

extension GatewayRouteSpec.Rewrite {
  init(source: SourceRef) {
    self.init(
      defaultTargetHostname: nil, defaultPrefix: nil, prefixValue: nil, pathExact: nil,
      source: source)
  }
}
