import Diagnostics
import ScenarioFormat
import SimKernel

extension ModelBuilder {
  /// Resolves one `services[]` entry: the named port, the discovery name and its Cloud Map
  /// service, the client alias and its address, the proxy port, protocol, timeouts and TLS.
  func serviceConnectEndpoint(
    _ entry: ServiceConnectConfigurationSpec.Entry, at source: SourceRef, namespace: Int,
    definition: TaskDefinition,
    ledger: inout ServiceConnectNameLedger
  ) -> ServiceConnectEndpoint? {
    guard
      let (containerName, mapping) = namedPort(
        entry.portName, in: definition, at: field(source, "portName"))
    else {
      return nil
    }
    let appProtocol = serviceConnectAppProtocol(of: mapping)
    let discoveryName = entry.discoveryName ?? entry.portName
    if entry.discoveryName != nil {
      checkServiceConnectName(
        discoveryName, what: "discoveryName", maxLength: 64, allowDots: false,
        at: field(source, "discoveryName"))
    }
    let namespaceName = model.namespaces[namespace].name
    var alias: ServiceConnectAlias?
    if entry.clientAliases.count > 1 {
      error(
        "model.service-connect-too-many-aliases",
        "a Service Connect service entry takes at most one client alias; this one has \(entry.clientAliases.count)",
        at: field(source, "clientAliases", index: 1),
        hint: "add another services[] entry with its own discoveryName for another name")
    }
    if let spec = entry.clientAliases.first {
      if spec.port == 0 {
        error(
          "model.service-connect-invalid-port", "client alias port 0 cannot be dialled",
          at: field(spec.source, "port"))
      }
      let dnsName = spec.dnsName ?? "\(discoveryName).\(namespaceName)"
      if spec.dnsName != nil {
        checkServiceConnectName(
          dnsName, what: "dnsName", maxLength: 127, allowDots: true,
          at: field(spec.source, "dnsName"))
      }
      let name = dnsName.lowercased()
      alias = ServiceConnectAlias(
        dnsName: name, port: spec.port, address: ledger.address(of: name, namespace: namespace),
        isDefaultName: spec.dnsName == nil, testTrafficHeader: spec.testTrafficHeader,
        source: spec.source)
    }
    if entry.ingressPortOverride == 0 {
      error(
        "model.service-connect-invalid-port",
        "ingressPortOverride 0 is not a port the proxy can listen on",
        at: field(source, "ingressPortOverride"))
    }
    let timeouts = serviceConnectTimeouts(entry, appProtocol: appProtocol, at: source)
    if let authority = entry.tlsAuthority, !isPrivateCAAuthority(authority) {
      let tls = field(field(source, "tls"), "issuerCertificateAuthority")
      error(
        "model.service-connect-invalid-tls-authority",
        "'\(authority)' is not the ARN of an AWS Private CA certificate authority",
        at: field(tls, "awsPcaAuthorityArn"),
        hint: "write arn:aws:acm-pca:<region>:<account>:certificate-authority/<id>")
    }
    return ServiceConnectEndpoint(
      portName: entry.portName, discoveryName: discoveryName,
      discoveryService: serviceConnectDiscoveryService(
        discoveryName, namespace: namespace, at: source),
      containerName: containerName, containerPort: mapping.containerPort,
      ingressPort: entry.ingressPortOverride ?? mapping.containerPort,
      hasIngressPortOverride: entry.ingressPortOverride != nil,
      appProtocol: appProtocol, alias: alias, idleTimeout: timeouts.idle,
      perRequestTimeout: timeouts.perRequest,
      tlsAuthority: entry.tlsAuthority, source: source)
  }

  /// The container and port mapping named `portName`, or a positioned error with a
  /// did-you-mean note over the task definition's named ports.
  func namedPort(_ portName: String, in definition: TaskDefinition, at source: SourceRef) -> (
    String, PortMappingSpec
  )? {
    for container in definition.containers {
      if let mapping = container.ports.first(where: { $0.name == portName }) {
        return (container.name, mapping)
      }
    }
    let names = definition.containers.flatMap { $0.ports.compactMap(\.name) }
    var notes: [Diagnostic.Note] = []
    if let candidate = Suggestions.closest(to: portName, in: names) {
      let location = definition.containers.lazy.flatMap(\.ports).first { $0.name == candidate }?
        .source.location
      notes.append(.init(message: "did you mean '\(candidate)'?", location: location))
    }
    let hint: String? =
      names.isEmpty
      ? "task definition '\(definition.family)' names none of its port mappings; add \"name\" to the port mapping Service Connect should serve"
      : (notes.isEmpty
        ? "named port mappings of '\(definition.family)': \(names.joined(separator: ", "))" : nil)
    error(
      "model.service-connect-unknown-port-name",
      "portName '\(portName)' names no port mapping of task definition '\(definition.family)'",
      at: source,
      hint: hint, notes: notes)
    return nil
  }

  /// The port mapping's `appProtocol` (absent: TCP); an unknown value is an error.
  func serviceConnectAppProtocol(of mapping: PortMappingSpec) -> ServiceConnectEndpoint.AppProtocol
  {
    guard let text = mapping.appProtocol else { return .tcp }
    if let value = ServiceConnectEndpoint.AppProtocol(rawValue: text), value != .tcp {
      return value
    }
    error(
      "model.invalid-app-protocol", "invalid appProtocol '\(text)'",
      at: field(mapping.source, "appProtocol"),
      hint: "ECS accepts http, http2 or grpc; leave it out for plain TCP")
    return .tcp
  }

  /// Idle and per-request timeouts with ECS's defaults; a per-request timeout on a TCP port is
  /// an error (ECS API `TimeoutConfiguration`).
  func serviceConnectTimeouts(
    _ entry: ServiceConnectConfigurationSpec.Entry, appProtocol: ServiceConnectEndpoint.AppProtocol,
    at source: SourceRef
  ) -> (idle: SimDuration?, perRequest: SimDuration?) {
    let idleSeconds = entry.idleTimeoutSeconds ?? (appProtocol.isHTTP ? 300 : 3600)
    let idle = idleSeconds == 0 ? nil : SimDuration.seconds(Int64(idleSeconds))
    guard appProtocol.isHTTP else {
      if entry.perRequestTimeoutSeconds != nil {
        error(
          "model.service-connect-timeout-for-tcp",
          "perRequestTimeoutSeconds is not allowed for port '\(entry.portName)', whose appProtocol is TCP",
          at: field(field(source, "timeout"), "perRequestTimeoutSeconds"),
          hint:
            "set appProtocol http, http2 or grpc on the port mapping, or use idleTimeoutSeconds only"
        )
      }
      return (idle, nil)
    }
    let perRequestSeconds = entry.perRequestTimeoutSeconds ?? 15
    return (idle, perRequestSeconds == 0 ? nil : SimDuration.seconds(Int64(perRequestSeconds)))
  }

  /// Reports a discovery or alias name ECS would refuse: lower-case letters, digits, `_`, `-`
  /// (and `.` for alias names), not starting with `-`, at most `maxLength` characters.
  func checkServiceConnectName(
    _ name: String, what: String, maxLength: Int, allowDots: Bool, at source: SourceRef
  ) {
    let valid = name.unicodeScalars.allSatisfy { scalar in
      ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
        || (allowDots && scalar == ".")
    }
    guard !valid || name.isEmpty || name.count > maxLength || name.hasPrefix("-") else { return }
    error(
      "model.service-connect-invalid-name", "invalid \(what) '\(name)'", at: source,
      hint:
        "use 1–\(maxLength) lower-case letters, digits, '_', '-'\(allowDots ? " and '.'" : ""), not starting with '-'"
    )
  }

  func isPrivateCAAuthority(_ arn: String) -> Bool {
    let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
    return parts.count >= 6 && parts[0] == "arn" && parts[2] == "acm-pca"
      && parts[5].hasPrefix("certificate-authority/")
  }

  /// The Cloud Map service ECS creates for a discovery name (shared by every configuration that
  /// uses the name in the namespace).
  func serviceConnectDiscoveryService(_ name: String, namespace: Int, at source: SourceRef) -> Int {
    let fullName = "\(name).\(model.namespaces[namespace].name)".lowercased()
    if let existing = model.discoveryServices.firstIndex(where: {
      $0.createdByServiceConnect && $0.fullName == fullName
    }) {
      return existing
    }
    let id = "srv-sc-\(model.discoveryServices.count + 1)"
    var service = DiscoveryService(
      id: id,
      arn: "arn:aws:servicediscovery:\(document.region):\(document.accountID):service/\(id)",
      name: name.lowercased(),
      namespace: namespace, fullName: fullName, routingPolicy: .multivalue, hasARecords: false,
      hasSRVRecords: false,
      ttlSeconds: 0, healthCheckCustom: true, source: source)
    service.createdByServiceConnect = true
    model.discoveryServices.append(service)
    return model.discoveryServices.count - 1
  }
}
