import RouteMatching
import ScenarioFormat

/// `meshsim migrate`: translates an App Mesh scenario into its closest Service Connect or VPC
/// Lattice equivalent, JSON to JSON in the AWS shapes, keeping everything that is not App Mesh
/// (VPC, security groups, Cloud Map, load balancers, clients, traffic, ECS events, expectations)
/// and listing what cannot be carried over, following AWS's migration guidance (AM-EOL,
/// AM-EOL-SUM, AM-LATTICE-MIG): version-weighted routing, header routing, mTLS, retry and
/// outlier tuning, egress filtering, gateway rewrites.
public enum MeshMigration {
  /// The translated scenario and what the translation did and lost.
  public struct Plan: Sendable {
    public var target: MigrationTarget
    public var document: JSONOutput
    public var changes: [String]
    public var losses: [MigrationLoss]

    public var text: String { document.rendered(pretty: true) + "\n" }
  }

  /// Operations of App Mesh API-call events (they have no counterpart after the migration).
  static let meshEventOperations = [
    "updateMesh", "updateVirtualNode", "updateVirtualService", "updateVirtualRouter", "updateRoute",
    "updateVirtualGateway", "updateGatewayRoute",
  ]

  public static func migrate(_ root: JSONNode, to target: MigrationTarget) -> Plan {
    var state = MigrationState(inventory: MeshInventory(JSONOutput(root)), target: target)
    state.removeMesh()
    switch target {
    case .serviceConnect: state.toServiceConnect()
    case .lattice: state.toLattice()
    }
    state.commonLosses()
    return Plan(
      target: target, document: state.document, changes: state.changes, losses: state.losses)
  }
}

/// The document being translated, with the running lists of changes and losses.
struct MigrationState {
  let inventory: MeshInventory
  let target: MigrationTarget
  var document: JSONOutput
  var changes: [String] = []
  var losses: [MigrationLoss] = []

  init(inventory: MeshInventory, target: MigrationTarget) {
    self.inventory = inventory
    self.target = target
    self.document = inventory.root
    let name = document["name"]?.stringValue ?? "scenario"
    document["name"] = .string("\(name)-\(target.rawValue)")
    let description = document["description"]?.stringValue ?? ""
    document["description"] = .string(
      "\(name) migrated from App Mesh to \(target.title) by meshsim migrate. " + description)
  }

  mutating func lose(_ feature: String, _ resource: String, _ consequence: String, _ source: String)
  {
    losses.append(
      MigrationLoss(feature: feature, resource: resource, consequence: consequence, source: source))
  }

  // MARK: - Common steps

  /// Drops the `appMesh` section, the Envoy containers and proxy configurations, and App Mesh
  /// API events; names the application's port mappings (both targets need a `portName`).
  mutating func removeMesh() {
    document["appMesh"] = nil
    var definitions = document["ecs"]?["taskDefinitions"]?.elements ?? []
    for index in definitions.indices {
      var definition = definitions[index]
      let hadProxy = definition["proxyConfiguration"] != nil
      definition["proxyConfiguration"] = nil
      let containers = definition["containerDefinitions"]?.elements ?? []
      let kept = containers.filter { !MeshInventory.isEnvoy($0) }
      definition["containerDefinitions"] = .array(kept.map(Self.namingPorts))
      if hadProxy || kept.count != containers.count {
        changes.append(
          "task definition \(definition["family"]?.stringValue ?? "?"): Envoy sidecar and APPMESH proxy "
            + "configuration removed")
      }
      definitions[index] = definition
    }
    document["ecs"]?["taskDefinitions"] = .array(definitions)
    var kept: [JSONOutput] = []
    for event in document["events"]?.elements ?? [] {
      if let operation = MeshMigration.meshEventOperations.first(where: { event[$0] != nil }) {
        lose(
          "App Mesh API events", "event at \(event["at"]?.stringValue ?? "?")",
          "\(operation) has no \(target.title) counterpart; the event is left out", "AM-EOL")
      } else {
        kept.append(event)
      }
    }
    if document["events"] != nil { document["events"] = .array(kept) }
  }

  /// Port mappings get a name (`port-8080`) and `appProtocol: http` when they have none.
  static func namingPorts(_ container: JSONOutput) -> JSONOutput {
    var container = container
    guard let mappings = container["portMappings"]?.elements, !mappings.isEmpty else {
      return container
    }
    container["portMappings"] = .array(
      mappings.map { mapping in
        var mapping = mapping
        if mapping["name"] == nil, let port = mapping["containerPort"]?.intValue {
          mapping["name"] = .string("port-\(port)")
        }
        if mapping["appProtocol"] == nil { mapping["appProtocol"] = "http" }
        return mapping
      })
    return container
  }

  /// The port name of an ECS service's application container for `port` (after `namingPorts`).
  func portName(ecsService: String, port: Int?) -> String? {
    guard let definition = taskDefinition(ofService: ecsService) else { return nil }
    for container in definition["containerDefinitions"]?.elements ?? [] {
      for mapping in container["portMappings"]?.elements ?? []
      where port == nil || mapping["containerPort"]?.intValue == port {
        return mapping["name"]?.stringValue
      }
    }
    return nil
  }

  func taskDefinition(ofService name: String) -> JSONOutput? {
    guard let service = ecsService(name), let reference = service["taskDefinition"]?.stringValue
    else { return nil }
    let family = MeshInventory.family(reference)
    return document["ecs"]?["taskDefinitions"]?.elements.first {
      $0["family"]?.stringValue == family
    }
  }

  func ecsService(_ name: String) -> JSONOutput? {
    document["ecs"]?["services"]?.elements.first { $0["serviceName"]?.stringValue == name }
  }

  /// Applies `change` to the ECS service `name`.
  mutating func updateService(_ name: String, _ change: (inout JSONOutput) -> Void) {
    var services = document["ecs"]?["services"]?.elements ?? []
    guard let index = services.firstIndex(where: { $0["serviceName"]?.stringValue == name }) else {
      return
    }
    change(&services[index])
    document["ecs"]?["services"] = .array(services)
  }

  /// Applies `change` to the task definition of ECS service `name`.
  mutating func updateTaskDefinition(ofService name: String, _ change: (inout JSONOutput) -> Void) {
    guard let family = ecsService(name)?["taskDefinition"]?.stringValue.map(MeshInventory.family)
    else { return }
    var definitions = document["ecs"]?["taskDefinitions"]?.elements ?? []
    guard let index = definitions.firstIndex(where: { $0["family"]?.stringValue == family }) else {
      return
    }
    change(&definitions[index])
    document["ecs"]?["taskDefinitions"] = .array(definitions)
  }

  /// Rewrites URL hosts everywhere requests are made: traffic streams and container behaviours
  /// (`calls`, `proxyPass`, per-path rules), and Host headers naming an old host.
  mutating func rewriteHosts(_ hosts: [String: String]) {
    guard !hosts.isEmpty else { return }
    let url = { (text: String) -> String in
      guard let parsed = RequestURL.parse(text), let host = hosts[parsed.host.lowercased()] else {
        return text
      }
      let query = parsed.query.map { $0.value.isEmpty ? $0.name : "\($0.name)=\($0.value)" }.joined(
        separator: "&")
      return "\(parsed.scheme)://\(host):\(parsed.port)\(parsed.path)"
        + (query.isEmpty ? "" : "?" + query)
    }
    var traffic = document["traffic"]?.elements ?? []
    for index in traffic.indices {
      if let old = traffic[index]["request"]?["url"]?.stringValue {
        let new = url(old)
        if new != old {
          traffic[index]["request"]?["url"] = .string(new)
          changes.append("traffic \(traffic[index]["name"]?.stringValue ?? "?"): \(old) → \(new)")
        }
      }
    }
    if document["traffic"] != nil { document["traffic"] = .array(traffic) }
    var definitions = document["ecs"]?["taskDefinitions"]?.elements ?? []
    for index in definitions.indices {
      var containers = definitions[index]["containerDefinitions"]?.elements ?? []
      for slot in containers.indices {
        guard let behavior = containers[slot]["behavior"] else { continue }
        containers[slot]["behavior"] = BehaviorRewriting.rewriteURLs(behavior, url)
      }
      definitions[index]["containerDefinitions"] = .array(containers)
    }
    document["ecs"]?["taskDefinitions"] = .array(definitions)
  }
}
