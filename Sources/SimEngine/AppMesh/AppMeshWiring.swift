import NetworkModel
import SimKernel

/// Wires App Mesh into a world: the control plane (task observer and update-event handler) and
/// one health checker per virtual node listener that configures health checks in any revision.
enum AppMeshWiring {
  static func wire(_ world: World) {
    let model = world.model.appMesh
    guard !model.isEmpty else { return }
    let plane = AppMeshControlPlane(
      model: model, defaultRetries: world.model.settings.appMeshDefaultRetries)
    world.lifecycleObservers.append(plane)
    world.serviceCallHandlers.append(plane)
    var checked: Set<Int64> = []
    for revision in model.revisions {
      for (node, virtualNode) in revision.virtualNodes.enumerated() {
        for listener in virtualNode.listeners where listener.healthCheck != nil {
          guard checked.insert(EnvoyClusterState.key(node: node, port: listener.port)).inserted
          else { continue }
          let checker = world.add(
            MeshHealthChecker(
              node: node, port: listener.port, plane: plane, label: virtualNode.name))
          world.startTimer(checker.id, after: .zero, tag: 0)
        }
      }
    }
  }
}
