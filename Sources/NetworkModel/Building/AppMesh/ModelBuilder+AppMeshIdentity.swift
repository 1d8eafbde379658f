import Diagnostics
import ScenarioFormat

extension ModelBuilder {
  /// Environment variables that name the resource an Envoy container runs as (AWS behaviour §1.2).
  static let meshIdentityVariables = [
    "APPMESH_RESOURCE_ARN", "APPMESH_VIRTUAL_NODE_NAME", "APPMESH_RESOURCE_NAME",
  ]

  /// The mesh identity of a task definition's Envoy container, checked against the
  /// configuration and the task's `proxyConfiguration`:
  /// virtual gateways must not use `proxyConfiguration` (Envoy's own traffic would loop), and a
  /// `proxyConfiguration` needs an Envoy with an identity (AWS behaviour §1.4, §1.8).
  func meshIdentity(of definition: TaskDefinition, in config: AppMeshConfiguration) -> MeshIdentity?
  {
    var found: (identity: MeshIdentity?, source: SourceRef)?
    for (containerOffset, container) in definition.containers.enumerated() {
      for (offset, variable) in container.environment.enumerated()
      where Self.meshIdentityVariables.contains(variable.name) {
        let containerSource = field(
          definition.spec.source, "containerDefinitions", index: containerOffset)
        let source = field(field(containerSource, "environment", index: offset), "value")
        found = (
          parseIdentity(variable.value, variable: variable.name, in: config, at: source), source
        )
      }
    }
    if let proxy = definition.proxy {
      let proxySource = field(definition.spec.source, "proxyConfiguration")
      switch found?.identity {
      case nil where found == nil:
        error(
          "model.proxy-without-envoy-identity",
          "task definition '\(definition.family)' has a proxyConfiguration but no Envoy container with APPMESH_RESOURCE_ARN",
          at: proxySource,
          hint: "set APPMESH_RESOURCE_ARN=mesh/<mesh>/virtualNode/<node> on the Envoy container")
      case .virtualGateway?:
        error(
          "model.gateway-with-proxy-configuration",
          "task definition '\(definition.family)' runs a virtual gateway and must not have a proxyConfiguration",
          at: proxySource,
          hint: "a virtual gateway is a standalone Envoy; intercepting its traffic makes it loop")
      default: break
      }
      _ = proxy
    }
    return found?.identity
  }

  /// Parses `arn:aws:appmesh:…:mesh/M/virtualNode/N`, `mesh/M/virtualNode/N` or
  /// `mesh/M/virtualGateway/G` and resolves it.
  func parseIdentity(
    _ value: String, variable: String, in config: AppMeshConfiguration, at source: SourceRef
  ) -> MeshIdentity? {
    var text = Substring(value)
    if text.hasPrefix("arn:") {
      let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
      guard parts.count == 6, parts[2] == "appmesh" else {
        error("model.invalid-mesh-identity", "'\(value)' is not an App Mesh ARN", at: source)
        return nil
      }
      text = parts[5]
    }
    let parts = text.split(separator: "/").map(String.init)
    guard parts.count == 4, parts[0] == "mesh",
      parts[2] == "virtualNode" || parts[2] == "virtualGateway"
    else {
      error(
        "model.invalid-mesh-identity", "invalid \(variable) '\(value)'", at: source,
        hint:
          "write mesh/<mesh>/virtualNode/<node> or mesh/<mesh>/virtualGateway/<gateway>, or the full ARN"
      )
      return nil
    }
    if variable != "APPMESH_RESOURCE_ARN" && parts[2] == "virtualGateway" {
      error(
        "model.invalid-mesh-identity",
        "\(variable) can only name a virtual node; use APPMESH_RESOURCE_ARN for gateways",
        at: source)
    }
    guard let mesh = config.meshes.firstIndex(where: { $0.name == parts[1] }) else {
      error(
        "model.unresolved-reference", "\(variable) names mesh '\(parts[1])', which is not declared",
        at: source)
      return nil
    }
    if parts[2] == "virtualNode" {
      if let node = config.virtualNodes.firstIndex(where: { $0.mesh == mesh && $0.name == parts[3] }
      ) {
        return .virtualNode(node)
      }
      let names = config.virtualNodes.filter { $0.mesh == mesh }.map(\.name)
      error(
        "model.unresolved-reference",
        "\(variable) names virtual node '\(parts[3])', which mesh '\(parts[1])' does not declare",
        at: source,
        notes: Suggestions.closest(to: parts[3], in: names).map {
          [.init(message: "did you mean '\($0)'?")]
        } ?? [])
      return nil
    }
    if let gateway = config.virtualGateways.firstIndex(where: {
      $0.mesh == mesh && $0.name == parts[3]
    }) {
      return .virtualGateway(gateway)
    }
    error(
      "model.unresolved-reference",
      "\(variable) names virtual gateway '\(parts[3])', which mesh '\(parts[1])' does not declare",
      at: source)
    return nil
  }
}
