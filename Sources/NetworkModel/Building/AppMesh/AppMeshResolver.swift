import Diagnostics
import RouteMatching
import ScenarioFormat

/// Resolves one revision of the `appMesh` section into an ``AppMeshConfiguration``: names to
/// indices (per mesh, as App Mesh scopes names), defaults applied, and every rule of AWS
/// behaviour §1 checked. Driven by `ModelBuilder.buildAppMesh()` once per revision.
///
/// The same problem found again in a later revision is reported once (diagnostics are keyed by
/// id, position and message).
final class AppMeshResolver {
  unowned let builder: ModelBuilder
  let certificates: MeshCertificateBook
  private var reported: Set<String> = []

  var config = AppMeshConfiguration()
  var meshTable = SymbolTable(kind: "mesh")
  var nodeTables: [Int: SymbolTable] = [:]
  var serviceTables: [Int: SymbolTable] = [:]
  var routerTables: [Int: SymbolTable] = [:]
  var gatewayTables: [Int: SymbolTable] = [:]

  init(builder: ModelBuilder, certificates: MeshCertificateBook) {
    self.builder = builder
    self.certificates = certificates
  }

  // MARK: - Reporting

  func error(
    _ id: DiagnosticID, _ message: String, at source: SourceRef, hint: String? = nil,
    notes: [Diagnostic.Note] = []
  ) {
    guard reported.insert("E|\(id)|\(source.path)|\(message)").inserted else { return }
    builder.error(id, message, at: source, hint: hint, notes: notes)
  }

  func warning(_ id: DiagnosticID, _ message: String, at source: SourceRef, hint: String? = nil) {
    guard reported.insert("W|\(id)|\(source.path)|\(message)").inserted else { return }
    builder.warning(id, message, at: source, hint: hint)
  }

  func field(_ parent: SourceRef, _ key: String, index: Int? = nil) -> SourceRef {
    builder.field(parent, key, index: index)
  }

  func path(_ parent: SourceRef, _ keys: String...) -> SourceRef {
    keys.reduce(parent) { field($0, $1) }
  }

  /// Looks `name` up in `table` (one mesh's names of one kind), reporting
  /// `model.unresolved-reference` with a suggestion.
  func resolve(
    _ name: String, in table: SymbolTable?, kind: String, mesh: Int, at source: SourceRef
  ) -> Int? {
    let table = table ?? SymbolTable(kind: kind)
    if let index = table.lookup(name) { return index }
    let meshName = config.meshes.indices.contains(mesh) ? config.meshes[mesh].name : "?"
    let problem = table.unresolved(
      name, context: "mesh '\(meshName)'", scope: "mesh '\(meshName)'")
    error(
      "model.unresolved-reference", problem.message, at: source, hint: problem.hint,
      notes: problem.notes)
    return nil
  }

  // MARK: - Revision

  /// Resolves `section` into a fresh configuration.
  func resolve(_ section: AppMeshSection) -> AppMeshConfiguration {
    config = AppMeshConfiguration()
    meshTable = SymbolTable(kind: "mesh")
    nodeTables = [:]
    serviceTables = [:]
    routerTables = [:]
    gatewayTables = [:]
    for spec in section.meshes {
      if !meshTable.declare(spec.meshName, index: config.meshes.count, source: spec.source) {
        error("model.duplicate-name", "mesh '\(spec.meshName)' is declared twice", at: spec.source)
        continue
      }
      config.meshes.append(
        Mesh(name: spec.meshName, egressFilter: spec.egressFilter ?? .dropAll, source: spec.source))
    }
    let nodes = declare(section.virtualNodes, kind: "virtual node", tables: \.nodeTables) {
      ($0.meshName, $0.virtualNodeName, $0.source)
    }
    let services = declare(
      section.virtualServices, kind: "virtual service", tables: \.serviceTables
    ) {
      ($0.meshName, $0.virtualServiceName, $0.source)
    }
    let routers = declare(section.virtualRouters, kind: "virtual router", tables: \.routerTables) {
      ($0.meshName, $0.virtualRouterName, $0.source)
    }
    let gateways = declare(
      section.virtualGateways, kind: "virtual gateway", tables: \.gatewayTables
    ) {
      ($0.meshName, $0.virtualGatewayName, $0.source)
    }
    config.virtualNodes = nodes.map { resolveNode($0.spec, mesh: $0.mesh) }
    config.virtualServices = services.map { resolveService($0.spec, mesh: $0.mesh) }
    config.virtualRouters = routers.map { resolveRouterShell($0.spec, mesh: $0.mesh) }
    config.virtualGateways = gateways.map { resolveGatewayShell($0.spec, mesh: $0.mesh) }
    resolveRoutes(section.routes)
    resolveGatewayRoutes(section.gatewayRoutes)
    return config
  }

  /// Declares every resource of one kind in its mesh's table; returns those that were declared.
  func declare<Spec>(
    _ specs: [Spec], kind: String,
    tables: ReferenceWritableKeyPath<AppMeshResolver, [Int: SymbolTable]>,
    identity: (Spec) -> (mesh: String?, name: String, source: SourceRef)
  ) -> [(spec: Spec, mesh: Int)] {
    var declared: [(spec: Spec, mesh: Int)] = []
    for spec in specs {
      let (meshName, name, source) = identity(spec)
      guard let mesh = meshIndex(meshName, at: source) else { continue }
      var table = self[keyPath: tables][mesh] ?? SymbolTable(kind: kind)
      if !table.declare(name, index: declared.count, source: source) {
        error(
          "model.duplicate-name",
          "\(kind) '\(name)' is declared twice in mesh '\(config.meshes[mesh].name)'",
          at: source,
          notes: [.init(message: "first declared here", location: table.source(of: name)?.location)]
        )
        continue
      }
      self[keyPath: tables][mesh] = table
      declared.append((spec, mesh))
    }
    return declared
  }

  /// The mesh a resource belongs to: its `meshName`, or the only mesh when it has none.
  func meshIndex(_ name: String?, at source: SourceRef) -> Int? {
    if let name {
      if let index = meshTable.lookup(name) { return index }
      var notes: [Diagnostic.Note] = []
      if let candidate = Suggestions.closest(to: name, in: meshTable.names) {
        notes.append(
          .init(
            message: "did you mean '\(candidate)'?",
            location: meshTable.source(of: candidate)?.location))
      }
      error(
        "model.unresolved-reference", "unknown mesh '\(name)'", at: field(source, "meshName"),
        hint: meshTable.names.isEmpty ? "declare it under appMesh.meshes" : nil, notes: notes)
      return nil
    }
    if config.meshes.count == 1 { return 0 }
    error(
      "schema.missing-key",
      config.meshes.isEmpty
        ? "no mesh is declared for this App Mesh resource"
        : "missing 'meshName': the scenario declares several meshes", at: source,
      hint: config.meshes.isEmpty
        ? "add {\"meshName\": \"…\", \"spec\": {}} to appMesh.meshes" : nil)
    return nil
  }

  // MARK: - Services and routers

  func resolveService(_ spec: VirtualServiceSpec, mesh: Int) -> VirtualService {
    var provider = VirtualService.Provider.none
    let providerSource = path(spec.source, "spec", "provider")
    if spec.providerNode != nil && spec.providerRouter != nil {
      error(
        "model.exactly-one-of",
        "a virtual service provider is exactly one of virtualNode or virtualRouter",
        at: providerSource)
    } else if let node = spec.providerNode {
      provider =
        resolve(
          node, in: nodeTables[mesh], kind: "virtual node", mesh: mesh,
          at: field(field(providerSource, "virtualNode"), "virtualNodeName")
        ).map { .virtualNode($0) } ?? .none
    } else if let router = spec.providerRouter {
      provider =
        resolve(
          router, in: routerTables[mesh], kind: "virtual router", mesh: mesh,
          at: field(field(providerSource, "virtualRouter"), "virtualRouterName")
        ).map { .virtualRouter($0) } ?? .none
    }
    return VirtualService(
      name: spec.virtualServiceName, mesh: mesh, provider: provider, source: spec.source)
  }

  /// A router with its listeners; route tables are filled in by `resolveRoutes`.
  func resolveRouterShell(_ spec: VirtualRouterSpec, mesh: Int) -> VirtualRouter {
    var seen: Set<Int> = []
    for listener in spec.listeners where !seen.insert(listener.port).inserted {
      error(
        "model.duplicate-listener-port",
        "virtual router '\(spec.virtualRouterName)' has two listeners on port \(listener.port)",
        at: listener.source)
    }
    let listeners = spec.listeners.map {
      VirtualRouter.Listener(
        port: $0.port, protocolName: $0.protocolName, table: RouteTable(rules: []), ties: [])
    }
    return VirtualRouter(
      name: spec.virtualRouterName, mesh: mesh, listeners: listeners, source: spec.source)
  }
}
