import NetworkModel

/// Wires ECS Service Connect into a world: the control plane that gives every task of a
/// Service Connect service its proxy and hosts-file names, registers endpoints in Cloud Map
/// and applies `updateService` calls that change a service's configuration.
public enum ServiceConnectWiring {
  public static func wire(_ world: World) {
    guard !world.model.serviceConnect.isEmpty else { return }
    let controlPlane = ServiceConnectControlPlane(model: world.model)
    world.lifecycleObservers.append(controlPlane)
    world.serviceCallHandlers.append(controlPlane)
  }
}
