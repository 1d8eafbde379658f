import ScenarioFormat

extension ModelBuilder {
  /// App Mesh: resolves the `appMesh` section (revision 0), one more revision per App Mesh update
  /// event (in event order: time, then document order), and the mesh identity of every task
  /// definition (AWS behaviour §1).
  func buildAppMesh() {
    let section = document.appMesh
    let calls = document.serviceCalls(\.appMesh).map(\.body)
    let hasProxies = model.taskDefinitions.contains { $0.proxy != nil }
    guard !section.isEmpty || !calls.isEmpty || hasProxies || !section.certificates.isEmpty else {
      return
    }
    var appMesh = AppMeshModel()
    appMesh.certificates = MeshCertificateBook(entries: section.certificates)
    let resolver = AppMeshResolver(builder: self, certificates: appMesh.certificates)
    appMesh.revisions = [resolver.resolve(section)]
    var specs = section
    for call in calls {
      guard apply(call, to: &specs) else { continue }
      appMesh.revisions.append(resolver.resolve(specs))
      appMesh.revisionOfEvent[call.source.path] = appMesh.revisions.count - 1
    }
    appMesh.identities = model.taskDefinitions.map { meshIdentity(of: $0, in: appMesh.initial) }
    model.appMesh = appMesh
  }

  /// Replaces the resource a call names; reports a call naming an undeclared resource.
  func apply(_ call: AppMeshCallSpec, to specs: inout AppMeshSection) -> Bool {
    func replace<Spec>(
      _ list: inout [Spec], _ new: Spec, kind: String, name: String,
      same: (Spec) -> Bool
    ) -> Bool {
      if let index = list.firstIndex(where: same) {
        list[index] = new
        return true
      }
      error(
        "model.unresolved-reference",
        "update names \(kind) '\(name)', which the appMesh section does not declare",
        at: call.source, hint: "events update existing resources; declare it under appMesh first")
      return false
    }
    func sameMesh(_ a: String?, _ b: String?) -> Bool { a == nil || b == nil || a == b }
    switch call {
    case .updateMesh(let new):
      return replace(&specs.meshes, new, kind: "mesh", name: new.meshName) {
        $0.meshName == new.meshName
      }
    case .updateVirtualNode(let new):
      return replace(&specs.virtualNodes, new, kind: "virtual node", name: new.virtualNodeName) {
        $0.virtualNodeName == new.virtualNodeName && sameMesh($0.meshName, new.meshName)
      }
    case .updateVirtualService(let new):
      return replace(
        &specs.virtualServices, new, kind: "virtual service", name: new.virtualServiceName
      ) {
        $0.virtualServiceName == new.virtualServiceName && sameMesh($0.meshName, new.meshName)
      }
    case .updateVirtualRouter(let new):
      return replace(
        &specs.virtualRouters, new, kind: "virtual router", name: new.virtualRouterName
      ) {
        $0.virtualRouterName == new.virtualRouterName && sameMesh($0.meshName, new.meshName)
      }
    case .updateRoute(let new):
      return replace(&specs.routes, new, kind: "route", name: new.routeName) {
        $0.routeName == new.routeName && $0.virtualRouterName == new.virtualRouterName
          && sameMesh($0.meshName, new.meshName)
      }
    case .updateVirtualGateway(let new):
      return replace(
        &specs.virtualGateways, new, kind: "virtual gateway", name: new.virtualGatewayName
      ) {
        $0.virtualGatewayName == new.virtualGatewayName && sameMesh($0.meshName, new.meshName)
      }
    case .updateGatewayRoute(let new):
      return replace(&specs.gatewayRoutes, new, kind: "gateway route", name: new.gatewayRouteName) {
        $0.gatewayRouteName == new.gatewayRouteName
          && $0.virtualGatewayName == new.virtualGatewayName
          && sameMesh($0.meshName, new.meshName)
      }
    }
  }
}
