import ScenarioFormat

/// The App Mesh part of a scenario, read from its JSON in the App Mesh API shapes, with the ECS
/// services that run each virtual node and gateway (found through the Envoy container's
/// `APPMESH_RESOURCE_ARN`). The scenario has already passed the scenario decoder and builder.
struct MeshInventory {
  enum Role: Equatable {
    case node(String)
    case gateway(String)
  }
  struct Node {
    var name: String
    var port: Int?
    var listener: JSONOutput?
    var backends: [String]
    var spec: JSONOutput
  }
  struct Route {
    var name: String
    var priority: Int?
    /// `httpRoute`, `http2Route`, `grpcRoute` or `tcpRoute`.
    var kind: String
    var body: JSONOutput
    var targets: [(node: String, weight: Int)]
    var match: JSONOutput? { body["match"] }
  }
  struct Router {
    var name: String
    var port: Int?
    var routes: [Route]
  }
  struct VirtualService {
    var name: String
    var node: String?
    var router: String?
  }
  struct GatewayRoute {
    var name: String
    var priority: Int?
    var kind: String
    var body: JSONOutput
    var target: String?
  }
  struct Gateway {
    var name: String
    var port: Int?
    var routes: [GatewayRoute]
  }

  var root: JSONOutput
  var egressFilter: String
  var nodes: [Node] = []
  var routers: [Router] = []
  var services: [VirtualService] = []
  var gateways: [Gateway] = []
  /// ECS service name → what it runs.
  var roles: [String: Role] = [:]

  init(_ root: JSONOutput) {
    self.root = root
    let mesh = root["appMesh"] ?? .object([:])
    egressFilter =
      mesh["meshes"]?.elements.first?["spec"]?["egressFilter"]?["type"]?.stringValue ?? "DROP_ALL"
    for node in mesh["virtualNodes"]?.elements ?? [] {
      let spec = node["spec"] ?? .object([:])
      let listener = spec["listeners"]?.elements.first
      nodes.append(
        Node(
          name: node["virtualNodeName"]?.stringValue ?? "",
          port: listener?["portMapping"]?["port"]?.intValue,
          listener: listener,
          backends: (spec["backends"]?.elements ?? []).compactMap {
            $0["virtualService"]?["virtualServiceName"]?.stringValue
          },
          spec: spec))
    }
    var routes: [String: [Route]] = [:]
    for route in mesh["routes"]?.elements ?? [] {
      let spec = route["spec"] ?? .object([:])
      guard
        let kind = ["httpRoute", "http2Route", "grpcRoute", "tcpRoute"].first(where: {
          spec[$0] != nil
        }),
        let body = spec[kind]
      else { continue }
      let targets = (body["action"]?["weightedTargets"]?.elements ?? []).compactMap {
        target -> (String, Int)? in
        guard let node = target["virtualNode"]?.stringValue else { return nil }
        return (node, target["weight"]?.intValue ?? 0)
      }
      routes[route["virtualRouterName"]?.stringValue ?? "", default: []].append(
        Route(
          name: route["routeName"]?.stringValue ?? "", priority: spec["priority"]?.intValue,
          kind: kind, body: body,
          targets: targets))
    }
    for router in mesh["virtualRouters"]?.elements ?? [] {
      let name = router["virtualRouterName"]?.stringValue ?? ""
      let ordered = (routes[name] ?? []).enumerated().sorted {
        ($0.element.priority ?? 1001, $0.offset) < ($1.element.priority ?? 1001, $1.offset)
      }.map(\.element)
      routers.append(
        Router(
          name: name,
          port: router["spec"]?["listeners"]?.elements.first?["portMapping"]?["port"]?.intValue,
          routes: ordered))
    }
    for service in mesh["virtualServices"]?.elements ?? [] {
      let provider = service["spec"]?["provider"]
      services.append(
        VirtualService(
          name: service["virtualServiceName"]?.stringValue ?? "",
          node: provider?["virtualNode"]?["virtualNodeName"]?.stringValue,
          router: provider?["virtualRouter"]?["virtualRouterName"]?.stringValue))
    }
    var gatewayRoutes: [String: [GatewayRoute]] = [:]
    for route in mesh["gatewayRoutes"]?.elements ?? [] {
      let spec = route["spec"] ?? .object([:])
      guard let kind = ["httpRoute", "http2Route", "grpcRoute"].first(where: { spec[$0] != nil }),
        let body = spec[kind]
      else { continue }
      gatewayRoutes[route["virtualGatewayName"]?.stringValue ?? "", default: []].append(
        GatewayRoute(
          name: route["gatewayRouteName"]?.stringValue ?? "", priority: spec["priority"]?.intValue,
          kind: kind, body: body,
          target: body["action"]?["target"]?["virtualService"]?["virtualServiceName"]?.stringValue))
    }
    for gateway in mesh["virtualGateways"]?.elements ?? [] {
      let name = gateway["virtualGatewayName"]?.stringValue ?? ""
      // App Mesh matches gateway routes by priority, then by the longest prefix.
      let ordered = (gatewayRoutes[name] ?? []).sorted {
        ($0.priority ?? 1001, -(($0.body["match"]?["prefix"]?.stringValue)?.count ?? 0), $0.name)
          < (
            $1.priority ?? 1001, -(($1.body["match"]?["prefix"]?.stringValue)?.count ?? 0), $1.name
          )
      }
      gateways.append(
        Gateway(
          name: name,
          port: gateway["spec"]?["listeners"]?.elements.first?["portMapping"]?["port"]?.intValue,
          routes: ordered))
    }
    let families = Dictionary(
      (root["ecs"]?["taskDefinitions"]?.elements ?? []).compactMap {
        definition -> (String, Role)? in
        guard let family = definition["family"]?.stringValue, let role = Self.role(of: definition)
        else { return nil }
        return (family, role)
      }, uniquingKeysWith: { first, _ in first })
    for service in root["ecs"]?["services"]?.elements ?? [] {
      guard let name = service["serviceName"]?.stringValue,
        let definition = service["taskDefinition"]?.stringValue,
        let role = families[Self.family(definition)]
      else { continue }
      roles[name] = role
    }
  }

  /// `family`, `family:3` or a task-definition ARN → the family.
  static func family(_ reference: String) -> String {
    let last = reference.split(separator: "/").last.map(String.init) ?? reference
    return String(last.split(separator: ":").first ?? Substring(last))
  }

  /// The mesh identity of a task definition's Envoy container, if it has one.
  static func role(of definition: JSONOutput) -> Role? {
    for container in definition["containerDefinitions"]?.elements ?? [] {
      for variable in container["environment"]?.elements ?? [] {
        guard let name = variable["name"]?.stringValue,
          ["APPMESH_RESOURCE_ARN", "APPMESH_VIRTUAL_NODE_NAME"].contains(name),
          let value = variable["value"]?.stringValue
        else { continue }
        let path =
          value.hasPrefix("arn:")
          ? String(value.split(separator: ":", maxSplits: 5).last ?? "") : value
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == 4 else { continue }
        return parts[2] == "virtualGateway" ? .gateway(parts[3]) : .node(parts[3])
      }
    }
    return nil
  }

  /// Whether a container is the Envoy sidecar (it carries the mesh identity).
  static func isEnvoy(_ container: JSONOutput) -> Bool {
    (container["environment"]?.elements ?? []).contains {
      ["APPMESH_RESOURCE_ARN", "APPMESH_VIRTUAL_NODE_NAME"].contains($0["name"]?.stringValue ?? "")
    }
  }

  func node(_ name: String) -> Node? { nodes.first { $0.name == name } }
  func router(_ name: String) -> Router? { routers.first { $0.name == name } }
  func virtualService(_ name: String) -> VirtualService? { services.first { $0.name == name } }

  /// ECS services running a virtual node, in file order.
  func ecsServices(running node: String) -> [String] {
    (root["ecs"]?["services"]?.elements ?? []).compactMap { $0["serviceName"]?.stringValue }.filter
    { roles[$0] == .node(node) }
  }

  func ecsServices(runningGateway gateway: String) -> [String] {
    (root["ecs"]?["services"]?.elements ?? []).compactMap { $0["serviceName"]?.stringValue }
      .filter { roles[$0] == .gateway(gateway) }
  }

  /// Where a virtual service's traffic goes when nothing more specific matches: its node, or
  /// the router's catch-all route (a `/` prefix with no other condition), else its last route.
  func defaultTargets(of service: VirtualService) -> [(node: String, weight: Int)] {
    if let node = service.node { return [(node, 1)] }
    guard let router = service.router.flatMap(self.router) else { return [] }
    let catchAll = router.routes.last { Self.isCatchAll($0.match) } ?? router.routes.last
    return catchAll?.targets ?? []
  }

  /// A route match that every request satisfies.
  static func isCatchAll(_ match: JSONOutput?) -> Bool {
    guard let match, case .object(let members) = match else { return true }
    return members.keys.allSatisfy { $0 == "prefix" || $0 == "port" }
      && (match["prefix"]?.stringValue ?? "/") == "/"
  }

  /// The port callers use for a virtual service (its router's listener, else its node's).
  func port(of service: VirtualService) -> Int? {
    if let router = service.router.flatMap(self.router), let port = router.port { return port }
    return defaultTargets(of: service).first.flatMap { node($0.node)?.port }
  }
}
