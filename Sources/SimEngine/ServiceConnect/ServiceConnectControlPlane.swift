import NetworkModel
import ScenarioFormat
import SimKernel

/// The ECS side of Service Connect: which configuration each service runs, which names exist
/// in each namespace, and what every new task of a Service Connect service gets.
///
/// When ECS creates a task (its ENI exists, PENDING) the agent writes the names that exist in
/// the task's namespace at that moment into the task's `/etc/hosts` as `127.255.0.x` addresses
/// and starts the proxy: one loopback listener per alias (`address:aliasPort`) and, for a
/// client-server service, one server-side listener per container port or
/// `ingressPortOverride` on the task's ENI. When the task is RUNNING its endpoints are
/// registered in the discovery names' Cloud Map services; ECS deregisters them when it stops.
/// An `updateService` with a new configuration starts a new deployment (ECS developer guide,
/// "Service Connect" and "Service Connect deployments"; aws-behaviour §2.2–2.3).
final class ServiceConnectControlPlane: TaskLifecycleObserver, ServiceCallHandler {
  let model: NetworkModel
  /// The configuration each ECS service runs now; nil when Service Connect is off.
  private(set) var current: [Int?]
  /// The proxy of each task that has one, by task index.
  private(set) var proxies: [Int32: ServiceConnectProxyActor] = [:]

  /// What a task starting now in a namespace learns, computed once per namespace and shared
  /// by all its tasks (copy-on-write) until a configuration changes: the routes, the
  /// `/etc/hosts` entries and the proxy's route index by listener.
  private struct NamespaceRoutes {
    var routes: [ServiceConnectRoute]
    var hosts: [String: UInt32]
    var routeByListener: [UInt64: Int]
    var listenerKeys: Set<UInt64>
  }
  private var namespaceRoutes: [Int: NamespaceRoutes] = [:]

  init(model: NetworkModel) {
    self.model = model
    self.current = model.services.indices.map { model.serviceConnect.initialConfiguration(of: $0) }
  }

  /// The names a task starting now in `namespace` learns: every alias of every service whose
  /// current configuration is in the namespace, in service order.
  func currentRoutes(in namespace: Int) -> [ServiceConnectRoute] {
    var routes: [ServiceConnectRoute] = []
    for service in model.services.indices {
      guard let index = current[service] else { continue }
      let configuration = model.serviceConnect.configurations[index]
      guard configuration.enabled, configuration.namespace == namespace else { continue }
      for (endpoint, alias) in configuration.aliases {
        routes.append(
          ServiceConnectRoute(
            dnsName: alias.dnsName, port: alias.port, address: alias.address.value,
            configuration: index, service: service,
            endpoint: configuration.endpoints[endpoint]))
      }
    }
    return routes
  }

  /// `currentRoutes(in:)` with its hosts entries and listener index, computed once per
  /// namespace until a configuration changes.
  private func routes(in namespace: Int) -> NamespaceRoutes {
    if let known = namespaceRoutes[namespace] { return known }
    let routes = currentRoutes(in: namespace)
    var learned = NamespaceRoutes(routes: routes, hosts: [:], routeByListener: [:], listenerKeys: [])
    for (offset, route) in routes.enumerated() {
      learned.hosts[route.dnsName] = route.address
      learned.routeByListener[route.listenerKey] = offset
      learned.listenerKeys.insert(route.listenerKey)
    }
    namespaceRoutes[namespace] = learned
    return learned
  }

  // MARK: - Task lifecycle

  func taskCreated(_ task: TaskActor, in world: World) {
    guard !task.isStandalone, let index = current[task.service] else { return }
    let configuration = model.serviceConnect.configurations[index]
    guard configuration.enabled, let namespace = configuration.namespace else { return }
    let learned = routes(in: namespace)
    let routes = learned.routes
    let proxy = world.add(
      ServiceConnectProxyActor(
        task: task, configuration: index, namespace: namespace, routes: routes,
        routeByListener: learned.routeByListener))
    proxies[task.taskIndex] = proxy
    let interface = world.interfaces[Int(task.interface)]
    if interface.hostsFile.isEmpty {
      interface.hostsFile = learned.hosts
    } else {
      for route in routes { interface.hostsFile[route.dnsName] = route.address }
    }
    interface.sharedLoopbackKeys = learned.listenerKeys
    interface.sharedLoopbackActor = proxy.id
    attachIngress(of: configuration, to: task, interface: interface, in: world)
    task.sidecars.append("service-connect")
    if world.now > .zero {
      let names = routes.map { "\($0.dnsName) → \(IPv4Address($0.address))" }
      world.recordTimeline(
        "Service Connect: task \(task.name) starts with /etc/hosts [\(names.joined(separator: ", "))]"
      )
    }
  }

  /// One server-side listener per ingress port, taking the port from the application when the
  /// proxy listens on the container port itself.
  func attachIngress(
    of configuration: ServiceConnectConfiguration, to task: TaskActor, interface: NetworkInterface,
    in world: World
  ) {
    var ports: [Int] = []
    for endpoint in configuration.endpoints where !ports.contains(endpoint.ingressPort) {
      ports.append(endpoint.ingressPort)
    }
    for port in ports {
      let served = configuration.endpoints.filter { $0.ingressPort == port }
      let listener = world.add(
        ServiceConnectIngressActor(task: task, port: port, endpoints: served))
      interface.listeners[port] = listener.id
    }
  }

  func taskRunning(_ task: TaskActor, in world: World) {
    guard let proxy = proxies[task.taskIndex] else { return }
    let configuration = model.serviceConnect.configurations[proxy.configuration]
    let address = world.interfaces[Int(task.interface)].address
    for endpoint in configuration.endpoints {
      let attributes: [(String, String)] = [
        ("AWS_INSTANCE_IPV4", IPv4Address(address).description),
        ("AWS_INSTANCE_PORT", String(endpoint.ingressPort)),
        ("AVAILABILITY_ZONE", model.subnets[task.subnet].availabilityZone),
        ("ECS_SERVICE_NAME", model.services[task.service].name),
        ("ECS_TASK_DEFINITION_FAMILY", model.taskDefinitions[task.taskDefinition].family),
      ]
      world.cloudMap.register(
        task, address: address, port: endpoint.ingressPort, in: endpoint.discoveryService,
        attributes: attributes)
      world.recordTimeline(
        "Service Connect: registered \(IPv4Address(address)):\(endpoint.ingressPort) (\(task.name)) as \(endpoint.discoveryName) in \(model.namespaces[proxy.namespace].name)"
      )
    }
  }

  // MARK: - UpdateService

  func apply(_ call: ServiceCallSpec, in world: World) -> Bool {
    guard case .serviceConnect(let update) = call.body else { return false }
    guard let index = model.serviceConnect.configuration(appliedBy: update.configuration.source)
    else { return true }
    let configuration = model.serviceConnect.configurations[index]
    let service = configuration.service
    current[service] = configuration.enabled ? index : nil
    namespaceRoutes = [:]
    let name = model.services[service].name
    if configuration.enabled, let namespace = configuration.namespace {
      let aliases = configuration.aliases.map { "\($0.alias.dnsName):\($0.alias.port)" }
      world.recordTimeline(
        "Service Connect: service \(name) now uses namespace \(model.namespaces[namespace].name)"
          + (aliases.isEmpty ? " (client only)" : " and serves \(aliases.joined(separator: ", "))"))
    } else {
      world.recordTimeline("Service Connect: turned off for service \(name)")
    }
    if let desired = update.desiredCount { world.ecs.desired[service] = desired }
    world.ecs.redeploy(service: service, in: world)
    return true
  }
}
