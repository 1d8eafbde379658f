import Diagnostics
import ScenarioFormat

/// Resolves and validates the `lattice` section into ``LatticeModel``: names, generated ids,
/// ARNs and DNS names, references by name, id or ARN, Lattice's constraints (aws-behaviour §3,
/// gap decisions C10–C13) and auth policies, reporting every problem at its field.
///
/// Works on behalf of a ``ModelBuilder`` (its tables, diagnostics and model).
final class LatticeSectionBuilder {
  unowned let builder: ModelBuilder
  var networkTable = SymbolTable(kind: "service network")
  var serviceTable = SymbolTable(kind: "Lattice service")
  /// Listeners under `service/listener`, with their ids and ARNs as aliases.
  var listenerTable = SymbolTable(kind: "Lattice listener")
  var targetGroupTable = SymbolTable(kind: "Lattice target group")
  /// VPC associations under their id and ARN, and the VPC's name and id.
  var vpcAssociationTable = SymbolTable(kind: "service network VPC association")
  var serviceAssociationTable = SymbolTable(kind: "service network service association")
  /// Rule specs of each listener, in declaration order, for `UpdateRule`.
  var ruleSpecs: [[LatticeRuleSpec]] = []

  init(_ builder: ModelBuilder) { self.builder = builder }

  var document: ScenarioDocument { builder.document }
  var lattice: LatticeModel {
    get { builder.model.lattice }
    set { builder.model.lattice = newValue }
  }

  func build() {
    validateCallers()
    let section = document.lattice
    for spec in section.serviceNetworks { buildServiceNetwork(spec) }
    for spec in section.services { buildService(spec) }
    for spec in section.targetGroups { buildTargetGroup(spec) }
    for spec in section.listeners { buildListener(spec) }
    ruleSpecs = Array(repeating: [], count: lattice.listeners.count)
    for spec in section.rules { buildRule(spec) }
    for index in lattice.listeners.indices { finishListener(index) }
    for spec in section.vpcAssociations { buildVPCAssociation(spec, activeAtStart: true) }
    for spec in section.serviceAssociations { buildServiceAssociation(spec, activeAtStart: true) }
    for spec in section.authPolicies { buildAuthPolicy(spec) }
    buildECSRegistrations()
    buildChanges()
  }

  // MARK: - Networks and services

  func buildServiceNetwork(_ spec: ServiceNetworkSpec) {
    checkName(
      spec.name, kind: "service network", length: 3...63, reservedPrefix: nil,
      at: builder.field(spec.source, "name"))
    let authType = authTypeValue(spec.authType, at: builder.field(spec.source, "authType")) ?? .none
    let id = spec.id ?? LatticeIdentifiers.id("sn", "service-network/\(spec.name)")
    let arn = spec.arn ?? LatticeIdentifiers.arn(document, "servicenetwork/\(id)")
    if !networkTable.declare(
      spec.name, aliases: [id, arn], index: lattice.serviceNetworks.count, source: spec.source)
    {
      builder.duplicate("service network", spec.name, at: spec.source, table: networkTable)
      return
    }
    lattice.serviceNetworks.append(
      LatticeServiceNetwork(
        name: spec.name, id: id, arn: arn, authType: authType, authPolicy: nil, source: spec.source)
    )
  }

  func buildService(_ spec: LatticeServiceSpec) {
    checkName(
      spec.name, kind: "service", length: 3...40, reservedPrefix: "svc-",
      at: builder.field(spec.source, "name"))
    let authType = authTypeValue(spec.authType, at: builder.field(spec.source, "authType")) ?? .none
    let id = spec.id ?? LatticeIdentifiers.id("svc", "service/\(spec.name)")
    let arn = spec.arn ?? LatticeIdentifiers.arn(document, "service/\(id)")
    let dnsName =
      (spec.dnsName
      ?? LatticeIdentifiers.dnsName(service: spec.name, id: id, region: document.region))
      .lowercased()
    var domain = spec.customDomainName?.lowercased()
    if let name = domain, !(3...255).contains(name.count) || !name.contains(".") {
      builder.error(
        "model.invalid-name",
        "custom domain name '\(name)' must be a DNS name of 3 to 255 characters",
        at: builder.field(spec.source, "customDomainName"))
      domain = nil
    }
    if lattice.services.count == LatticeModel.maximumServices {
      builder.error(
        "model.lattice-too-many-services",
        "MeshSim simulates at most \(LatticeModel.maximumServices) Lattice services",
        at: spec.source)
      return
    }
    if !serviceTable.declare(
      spec.name, aliases: [id, arn, dnsName], index: lattice.services.count, source: spec.source)
    {
      builder.duplicate("Lattice service", spec.name, at: spec.source, table: serviceTable)
      return
    }
    lattice.services.append(
      LatticeService(
        name: spec.name, id: id, arn: arn, dnsName: dnsName, customDomainName: domain,
        certificateArn: spec.certificateArn, authType: authType, authPolicy: nil,
        source: spec.source))
  }

  // MARK: - Helpers

  /// Lattice resource names: lower-case letters, digits and hyphens, no leading, trailing or
  /// doubled hyphen, within `length`, not starting with the reserved id prefix.
  func checkName(
    _ name: String, kind: String, length: ClosedRange<Int>, reservedPrefix: String?,
    at source: SourceRef
  ) {
    let allowed = name.utf8.allSatisfy {
      ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D
    }
    var problem: String?
    if !length.contains(name.count) {
      problem = "must be \(length.lowerBound) to \(length.upperBound) characters"
    } else if !allowed {
      problem = "may contain only lower-case letters, digits and hyphens"
    } else if name.hasPrefix("-") || name.hasSuffix("-") || name.contains("--") {
      problem = "cannot start or end with a hyphen or contain two in a row"
    } else if let prefix = reservedPrefix, name.hasPrefix(prefix) {
      problem = "cannot start with '\(prefix)'"
    }
    if let problem {
      builder.error("model.invalid-name", "\(kind) name '\(name)' \(problem)", at: source)
    }
  }

  func authTypeValue(_ text: String?, at source: SourceRef) -> LatticeAuthType? {
    enumValue(text, LatticeAuthType.self, key: "authType", at: source)
  }

  /// The enumeration case named by `text`, or nil after reporting `schema.invalid-value`.
  func enumValue<T: RawRepresentable & CaseIterable>(
    _ text: String?, _ type: T.Type, key: String, at source: SourceRef
  ) -> T? where T.RawValue == String {
    guard let text else { return nil }
    if let value = T(rawValue: text) { return value }
    let allowed = T.allCases.map(\.rawValue)
    var notes: [Diagnostic.Note] = []
    if let suggestion = Suggestions.closest(to: text, in: allowed) {
      notes.append(.init(message: "did you mean '\(suggestion)'?"))
    }
    builder.error(
      "schema.invalid-value",
      "invalid value '\(text)' for '\(key)'; expected one of \(allowed.joined(separator: ", "))",
      at: source, notes: notes)
    return nil
  }

  /// Resolves a network or service reference for `PutAuthPolicy`'s `resourceIdentifier`.
  func authResource(_ reference: String, at source: SourceRef) -> LatticeAuthResource? {
    let network = networkTable.lookup(reference)
    let service = serviceTable.lookup(reference)
    switch (network, service) {
    case (let network?, nil): return .serviceNetwork(network)
    case (nil, let service?): return .service(service)
    case (.some, .some):
      builder.error(
        "model.ambiguous-reference", "'\(reference)' names both a service network and a service",
        at: source, hint: "use the resource's id or ARN")
      return nil
    case (nil, nil):
      var notes: [Diagnostic.Note] = []
      if let candidate = Suggestions.closest(
        to: reference, in: networkTable.names + serviceTable.names)
      {
        notes.append(.init(message: "did you mean '\(candidate)'?"))
      }
      builder.error(
        "model.unresolved-reference", "unknown service network or Lattice service '\(reference)'",
        at: source, notes: notes)
      return nil
    }
  }

  /// How messages name an auth resource.
  func label(_ resource: LatticeAuthResource) -> String {
    switch resource {
    case .serviceNetwork(let index): "service network '\(lattice.serviceNetworks[index].name)'"
    case .service(let index): "service '\(lattice.services[index].name)'"
    }
  }
}
