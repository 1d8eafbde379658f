import Diagnostics
import SimKernel

/// Decodes the `appMesh` section and App Mesh API call events.
///
/// Every resource is read in its App Mesh API request shape; the describe-only fields AWS returns
/// (`arn`, `metadata`, `status`, `version`, …) are accepted and ignored, any other unknown key
/// is an error with a did-you-mean note. `meshName` may be left out when the scenario declares a
/// single mesh (walkthrough files pass it on the command line).
enum AppMeshSectionDecoder {
  /// Event operations: each body is the full resource, as `aws appmesh update-…` takes it.
  static let eventOperations = [
    "updateMesh", "updateVirtualNode", "updateVirtualService", "updateVirtualRouter", "updateRoute",
    "updateVirtualGateway", "updateGatewayRoute",
  ]
  /// Fields `describe-*` returns that do not change routing, and request-only bookkeeping.
  static let describeOnlyKeys = [
    "arn", "metadata", "status", "version", "clientToken", "tags", "meshOwner", "resourceOwner",
    "createdAt", "lastUpdatedAt", "uid",
  ]

  static func decode(_ reader: ObjectReader) -> AppMeshSection {
    let context = reader.context
    var section = AppMeshSection()
    section.meshes = context.objects(reader.array("meshes"), what: "mesh") { mesh($0) }
    section.virtualNodes = context.objects(reader.array("virtualNodes"), what: "virtual node") {
      VirtualNodeDecoder.virtualNode($0)
    }
    section.virtualServices = context.objects(
      reader.array("virtualServices"), what: "virtual service"
    ) {
      virtualService($0)
    }
    section.virtualRouters = context.objects(reader.array("virtualRouters"), what: "virtual router")
    {
      virtualRouter($0)
    }
    section.routes = context.objects(reader.array("routes"), what: "route") {
      MeshRouteDecoder.route($0)
    }
    section.virtualGateways = context.objects(
      reader.array("virtualGateways"), what: "virtual gateway"
    ) {
      VirtualGatewayDecoder.virtualGateway($0)
    }
    section.gatewayRoutes = context.objects(reader.array("gatewayRoutes"), what: "gateway route") {
      VirtualGatewayDecoder.gatewayRoute($0)
    }
    section.certificates = context.objects(reader.array("certificates"), what: "certificate") {
      MeshTLSDecoder.certificateDescription($0)
    }
    return section
  }

  static func event(_ operation: String, _ body: ObjectReader) -> AppMeshCallSpec? {
    switch operation {
    case "updateMesh": return mesh(body).map { .updateMesh($0) }
    case "updateVirtualNode":
      return VirtualNodeDecoder.virtualNode(body).map { .updateVirtualNode($0) }
    case "updateVirtualService": return virtualService(body).map { .updateVirtualService($0) }
    case "updateVirtualRouter": return virtualRouter(body).map { .updateVirtualRouter($0) }
    case "updateRoute": return MeshRouteDecoder.route(body).map { .updateRoute($0) }
    case "updateVirtualGateway":
      return VirtualGatewayDecoder.virtualGateway(body).map { .updateVirtualGateway($0) }
    case "updateGatewayRoute":
      return VirtualGatewayDecoder.gatewayRoute(body).map { .updateGatewayRoute($0) }
    default: return nil
    }
  }

  /// `CreateMesh`: `meshName`, `spec.egressFilter.type`, `spec.serviceDiscovery.ipPreference`.
  static func mesh(_ r: ObjectReader) -> MeshSpec? {
    r.accept(describeOnlyKeys)
    let name = r.string("meshName", required: true)
    var filter: MeshSpec.EgressFilter?
    var preference: String?
    if let spec = r.object("spec", what: "mesh spec") {
      if let egress = spec.object("egressFilter", what: "egressFilter") {
        filter = egress.enumValue("type", MeshSpec.EgressFilter.self, required: true)
        egress.finish()
      }
      if let discovery = spec.object("serviceDiscovery", what: "mesh serviceDiscovery") {
        preference = ipPreference(discovery)
        discovery.finish()
      }
      spec.finish()
    }
    guard let name else { return nil }
    return MeshSpec(
      meshName: name, egressFilter: filter, ipPreference: preference, source: SourceRef(r.node))
  }

  /// `CreateVirtualService`: `virtualServiceName`, `spec.provider` (node, router or none).
  static func virtualService(_ r: ObjectReader) -> VirtualServiceSpec? {
    r.accept(describeOnlyKeys)
    let mesh = r.string("meshName")
    let name = r.string("virtualServiceName", required: true)
    var node: String?
    var router: String?
    if let spec = r.object("spec", required: true, what: "virtual service spec") {
      if let provider = spec.object("provider", what: "provider") {
        if let nodeReader = provider.object("virtualNode", what: "virtualNode provider") {
          node = nodeReader.string("virtualNodeName", required: true)
          nodeReader.finish()
        }
        if let routerReader = provider.object("virtualRouter", what: "virtualRouter provider") {
          router = routerReader.string("virtualRouterName", required: true)
          routerReader.finish()
        }
        provider.finish()
      }
      spec.finish()
    }
    guard let name else { return nil }
    return VirtualServiceSpec(
      meshName: mesh, virtualServiceName: name, providerNode: node, providerRouter: router,
      source: SourceRef(r.node))
  }

  /// `CreateVirtualRouter`: `virtualRouterName`, `spec.listeners[].portMapping`.
  static func virtualRouter(_ r: ObjectReader) -> VirtualRouterSpec? {
    r.accept(describeOnlyKeys)
    let mesh = r.string("meshName")
    let name = r.string("virtualRouterName", required: true)
    var listeners: [VirtualRouterSpec.Listener] = []
    if let spec = r.object("spec", required: true, what: "virtual router spec") {
      listeners = r.context.objects(spec.array("listeners"), what: "virtual router listener") {
        listener in
        guard let mapping = portMapping(listener, protocols: AppMeshProtocol.allCases) else {
          return nil
        }
        return VirtualRouterSpec.Listener(
          port: mapping.port, protocolName: mapping.protocolName,
          source: SourceRef(listener.node))
      }
      spec.finish()
    }
    guard let name else { return nil }
    return VirtualRouterSpec(
      meshName: mesh, virtualRouterName: name, listeners: listeners, source: SourceRef(r.node))
  }

  /// `portMapping {port, protocol}` inside a listener object.
  static func portMapping(_ listener: ObjectReader, protocols: [AppMeshProtocol])
    -> (port: Int, protocolName: AppMeshProtocol)?
  {
    guard let mapping = listener.object("portMapping", required: true, what: "portMapping") else {
      return nil
    }
    defer { mapping.finish() }
    let port = mapping.int("port", required: true, range: 1...65535)
    let proto = protocolValue(mapping, "protocol", allowed: protocols, required: true)
    guard let port, let proto else { return nil }
    return (port, proto)
  }

  /// A protocol string limited to `allowed` (virtual gateways do not take `tcp`).
  static func protocolValue(
    _ r: ObjectReader, _ key: String, allowed: [AppMeshProtocol], required: Bool
  )
    -> AppMeshProtocol?
  {
    guard let value = r.enumValue(key, AppMeshProtocol.self, required: required) else { return nil }
    guard allowed.contains(value) else {
      if let node = r.node(key) {
        r.context.error(
          .schemaInvalidValue,
          "invalid value '\(value.rawValue)' for '\(key)'; expected one of \(allowed.map(\.rawValue).joined(separator: ", "))",
          at: node, hint: "virtual gateways accept http, http2 and grpc only (no tcp)")
      }
      return nil
    }
    return value
  }

  /// `ipPreference` (accepted and validated; MeshSim models IPv4 only).
  static func ipPreference(_ r: ObjectReader) -> String? {
    r.enumValue("ipPreference", IPPreference.self).map(\.rawValue)
  }

  enum IPPreference: String, CaseIterable {
    case ipv6Preferred = "IPv6_PREFERRED", ipv4Preferred = "IPv4_PREFERRED", ipv4Only = "IPv4_ONLY"
    case ipv6Only = "IPv6_ONLY"
  }

  /// An App Mesh `Duration` `{"value": 15, "unit": "s"}`.
  static func duration(_ r: ObjectReader, _ key: String, required: Bool = false) -> SimDuration? {
    guard let reader = r.object(key, required: required, what: "duration '\(key)'") else {
      return nil
    }
    defer { reader.finish() }
    let value = reader.int("value", required: true, range: 0...Int(Int32.max))
    let unit = reader.enumValue("unit", DurationUnit.self, required: true)
    guard let value, let unit else { return nil }
    return unit == .seconds ? .seconds(Int64(value)) : .milliseconds(Int64(value))
  }

  enum DurationUnit: String, CaseIterable {
    case seconds = "s", milliseconds = "ms"
  }
}
