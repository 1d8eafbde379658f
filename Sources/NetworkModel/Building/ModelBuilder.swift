import Diagnostics
import ScenarioFormat
import SimKernel

/// Stage 3 of the pipeline: resolves every reference of a ``ScenarioDocument`` by name, id or
/// ARN, applies AWS defaults, validates, and produces a ``NetworkModel``.
///
/// All user errors are reported here, all at once; when any error was reported the caller must
/// not simulate. Service sections (load balancers, App Mesh, Service Connect, Lattice) add their
/// own `ModelBuilder+…` passes.
public final class ModelBuilder {
  public let document: ScenarioDocument
  public let diagnostics: DiagnosticEngine
  public var model: NetworkModel

  public var vpcTable = SymbolTable(kind: "VPC")
  public var subnetTable = SymbolTable(kind: "subnet")
  public var securityGroupTable = SymbolTable(kind: "security group")
  public var prefixListTable = SymbolTable(kind: "prefix list")
  public var namespaceTable = SymbolTable(kind: "Cloud Map namespace")
  public var discoveryServiceTable = SymbolTable(kind: "Cloud Map service")
  public var clusterTable = SymbolTable(kind: "ECS cluster")
  public var taskDefinitionTable = SymbolTable(kind: "task definition")
  public var serviceTable = SymbolTable(kind: "ECS service")
  public var standaloneTable = SymbolTable(kind: "standalone task")
  public var externalTable = SymbolTable(kind: "external endpoint")
  public var clientTable = SymbolTable(kind: "client")
  public var trafficTable = SymbolTable(kind: "traffic stream")
  /// URLs behaviours call, checked once every service is declared (`checkBehaviorURLs`).
  var behaviorURLs: [(url: String, source: SourceRef)] = []

  public init(document: ScenarioDocument, diagnostics: DiagnosticEngine) {
    self.document = document
    self.diagnostics = diagnostics
    self.model = NetworkModel(document: document)
  }

  /// Builds the model; returns nil when any error was reported.
  public static func build(_ document: ScenarioDocument, diagnostics: DiagnosticEngine)
    -> NetworkModel?
  {
    let builder = ModelBuilder(document: document, diagnostics: diagnostics)
    builder.buildAll()
    return diagnostics.hasErrors ? nil : builder.model
  }

  func buildAll() {
    buildSettings()
    buildEC2()
    buildCloudMap()
    buildECS()
    buildExternalsAndClients()
    buildLoadBalancing()
    checkCloudMapAliases()
    buildServiceSections()
    buildAppMesh()
    buildLattice()
    buildTraffic()
    buildEvents()
    buildExpectations()
    checkBehaviorURLs()
  }

  /// Hook for the service sections (load balancers, App Mesh, Service Connect, Lattice).
  func buildServiceSections() {
    buildServiceConnect()
  }

  // MARK: - Reporting

  public func error(
    _ id: DiagnosticID, _ message: String, at source: SourceRef, hint: String? = nil,
    notes: [Diagnostic.Note] = []
  ) {
    diagnostics.error(id, message, at: source.location, path: source.path, notes: notes, hint: hint)
  }

  public func warning(
    _ id: DiagnosticID, _ message: String, at source: SourceRef, hint: String? = nil
  ) {
    diagnostics.warning(id, message, at: source.location, path: source.path, hint: hint)
  }

  /// Reports a second declaration of the same name.
  public func duplicate(_ kind: String, _ name: String, at source: SourceRef, table: SymbolTable) {
    error(
      "model.duplicate-name", "\(kind) '\(name)' is declared twice", at: source,
      notes: [.init(message: "first declared here", location: table.source(of: name)?.location)])
  }

  /// The source of one field of an element, for precise diagnostics.
  public func field(_ parent: SourceRef, _ key: String, index: Int? = nil) -> SourceRef {
    document.field(parent, key, index: index)
  }

  func buildSettings() {
    let spec = document.simulation
    var settings = SimulationSettings()
    for (key, value) in spec.latencies {
      switch key {
      case "network": settings.network = value
      case "crossZone": settings.crossZone = value
      case "internet": settings.internet = value
      case "dnsLookup": settings.dnsLookup = value
      case "proxy": settings.proxy = value
      case "loadBalancer": settings.loadBalancer = value
      case "gateway": settings.gateway = value
      case "lattice": settings.lattice = value
      case "application": settings.application = value
      default: break
      }
    }
    if let value = spec.taskStartDelay { settings.taskStartDelay = value }
    if let value = spec.taskStopDelay { settings.taskStopDelay = value }
    if let value = spec.eventLimit { settings.eventLimit = value }
    if let value = spec.hopLimit { settings.hopLimit = value }
    settings.until = spec.until
    if let value = spec.appMeshDefaultRetries { settings.appMeshDefaultRetries = value }
    model.settings = settings
  }
}
