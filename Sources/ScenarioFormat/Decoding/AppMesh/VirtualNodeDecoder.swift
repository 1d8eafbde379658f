import Diagnostics

/// Decodes virtual nodes (`CreateVirtualNode` / `UpdateVirtualNode` / `VirtualNodeData`).
enum VirtualNodeDecoder {
  static func virtualNode(_ r: ObjectReader) -> VirtualNodeSpec? {
    r.accept(AppMeshSectionDecoder.describeOnlyKeys)
    let context = r.context
    let mesh = r.string("meshName")
    let name = r.string("virtualNodeName", required: true)
    var listeners: [MeshListenerSpec] = []
    var discovery: [VirtualNodeSpec.ServiceDiscovery] = []
    var backends: [VirtualNodeSpec.Backend] = []
    var defaults: MeshTLSSpec.ClientPolicy?
    if let spec = r.object("spec", required: true, what: "virtual node spec") {
      listeners = context.objects(spec.array("listeners"), what: "listener") {
        MeshListenerDecoder.listener($0, gateway: false)
      }
      if let sd = spec.object("serviceDiscovery", what: "serviceDiscovery") {
        discovery = serviceDiscovery(sd)
        sd.finish()
      }
      backends = context.objects(spec.array("backends"), what: "backend") { backend($0) }
      if let backendDefaults = spec.object("backendDefaults", what: "backendDefaults") {
        defaults = MeshTLSDecoder.clientPolicyContainer(backendDefaults)
        backendDefaults.finish()
      }
      spec.accept(["logging"])
      spec.finish()
    }
    guard let name else { return nil }
    return VirtualNodeSpec(
      meshName: mesh, virtualNodeName: name, listeners: listeners, serviceDiscovery: discovery,
      backends: backends,
      backendDefaults: defaults, source: SourceRef(r.node))
  }

  /// The `serviceDiscovery` union: `dns` and/or `awsCloudMap` (the builder wants exactly one).
  static func serviceDiscovery(_ r: ObjectReader) -> [VirtualNodeSpec.ServiceDiscovery] {
    var result: [VirtualNodeSpec.ServiceDiscovery] = []
    if let dns = r.object("dns", what: "dns service discovery") {
      let hostname = dns.string("hostname", required: true)
      let responseType = dns.enumValue("responseType", ResponseType.self)
      _ = AppMeshSectionDecoder.ipPreference(dns)
      if let hostname {
        result.append(
          .dns(
            hostname: hostname, responseType: responseType?.rawValue, source: SourceRef(dns.node)))
      }
      dns.finish()
    }
    if let cloudMap = r.object("awsCloudMap", what: "awsCloudMap service discovery") {
      let namespace = cloudMap.string("namespaceName", required: true)
      let service = cloudMap.string("serviceName", required: true)
      _ = AppMeshSectionDecoder.ipPreference(cloudMap)
      let attributes = r.context.objects(cloudMap.array("attributes"), what: "Cloud Map attribute")
      {
        attribute -> (key: String, value: String)? in
        let key = attribute.string("key", required: true)
        let value = attribute.string("value", required: true)
        guard let key, let value else { return nil }
        return (key, value)
      }
      if let namespace, let service {
        result.append(
          .cloudMap(
            namespaceName: namespace, serviceName: service, attributes: attributes,
            source: SourceRef(cloudMap.node)))
      }
      cloudMap.finish()
    }
    return result
  }

  enum ResponseType: String, CaseIterable {
    case loadBalancer = "LOADBALANCER", endpoints = "ENDPOINTS"
  }

  /// `backends[]`: the `virtualService` union member with its optional client policy.
  static func backend(_ r: ObjectReader) -> VirtualNodeSpec.Backend? {
    guard let service = r.object("virtualService", required: true, what: "virtualService backend")
    else {
      return nil
    }
    defer { service.finish() }
    let name = service.string("virtualServiceName", required: true)
    let policy = service.object("clientPolicy", what: "clientPolicy").flatMap {
      reader -> MeshTLSSpec.ClientPolicy? in
      defer { reader.finish() }
      return MeshTLSDecoder.clientPolicy(reader)
    }
    guard let name else { return nil }
    return VirtualNodeSpec.Backend(
      virtualServiceName: name, clientPolicy: policy, source: SourceRef(r.node))
  }
}
