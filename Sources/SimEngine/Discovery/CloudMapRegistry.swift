import NetworkModel
import SimKernel

/// Cloud Map's instance registry and its DNS answers.
///
/// ECS registers a task's address in its services' registries when the task is RUNNING and
/// deregisters it when it stops. Custom health (pushed by ECS) takes effect about 30 s after it
/// changes. MULTIVALUE answers carry up to 8 random healthy records, or up to 8 unhealthy ones
/// when none is healthy; WEIGHTED answers carry one (Cloud Map API reference, `DnsConfig`,
/// `HealthCheckCustomConfig`; aws-behaviour §4.2–4.3).
public final class CloudMapRegistry: DNSAuthority {
  /// One registered instance: where it answers, its attributes and its health as Cloud Map
  /// reports it.
  public struct Instance: Sendable {
    /// The ECS task (index in `World.tasks`), or -1 for an instance the scenario registered.
    public var task: Int32
    public var address: UInt32
    public var port: Int?
    public var attributes: [(String, String)]
    /// Health as DNS and DiscoverInstances see it now.
    public var healthy: Bool
    /// Pending health change and when it takes effect.
    public var pendingHealth: (healthy: Bool, at: SimTime)?
    /// `AWS_ALIAS_DNS_NAME`: an alias record to this load balancer name instead of an address.
    public var alias: String? = nil
  }
  /// Instances per discovery service, in registration order.
  public private(set) var instances: [[Instance]]
  static let healthPropagation = SimDuration.seconds(30)
  let model: NetworkModel

  /// The first discovery service with A records for each full name (what `answer` looks up
  /// on every DNS miss, so a large namespace is not scanned name by name).
  private let serviceByName: [String: Int]

  public init(model: NetworkModel) {
    self.model = model
    self.instances = Array(repeating: [], count: model.discoveryServices.count)
    // Instances registered by `RegisterInstance` in the scenario, there from the start.
    for instance in model.cloudMapInstances {
      instances[instance.service].append(Instance(
        task: -1, address: instance.address?.value ?? 0, port: instance.port, attributes: instance.attributes,
        healthy: instance.initiallyHealthy, pendingHealth: nil, alias: instance.aliasDNSName))
    }
    var byName: [String: Int] = [:]
    for (index, service) in model.discoveryServices.enumerated() where service.hasARecords && byName[service.fullName] == nil {
      byName[service.fullName] = index
    }
    self.serviceByName = byName
  }

  func register(_ task: TaskActor, in world: World) {
    guard task.service >= 0 else { return }
    let address = world.interfaces[Int(task.interface)].address
    for registry in model.services[task.service].registries {
      var attributes: [(String, String)] = [
        ("AWS_INSTANCE_IPV4", IPv4Address(address).description),
        ("AVAILABILITY_ZONE", model.subnets[task.subnet].availabilityZone),
        ("ECS_SERVICE_NAME", model.services[task.service].name),
        ("ECS_TASK_DEFINITION_FAMILY", model.taskDefinitions[task.taskDefinition].family),
      ]
      if let port = registry.port { attributes.append(("AWS_INSTANCE_PORT", String(port))) }
      // Without HealthCheckCustomConfig Cloud Map knows no health: every instance is healthy.
      let healthy = !task.failingHealthChecks || !model.discoveryServices[registry.service].healthCheckCustom
      instances[registry.service].append(Instance(task: task.taskIndex, address: address, port: registry.port,
                                                  attributes: attributes, healthy: healthy, pendingHealth: nil))
      world.recordTimeline("Cloud Map: registered \(IPv4Address(address)) (\(task.name)) in \(model.discoveryServices[registry.service].fullName)")
    }
  }

  /// Registers a task in one more discovery service (App Mesh / Service Connect endpoints).
  public func register(_ task: TaskActor, address: UInt32, port: Int?, in service: Int, attributes: [(String, String)]) {
    instances[service].append(Instance(task: task.taskIndex, address: address, port: port, attributes: attributes,
                                       healthy: !task.failingHealthChecks, pendingHealth: nil))
  }

  func deregister(_ task: TaskActor, in world: World) {
    for service in instances.indices {
      let before = instances[service].count
      instances[service].removeAll { $0.task == task.taskIndex }
      if instances[service].count != before {
        world.recordTimeline("Cloud Map: deregistered \(task.name) from \(model.discoveryServices[service].fullName)")
      }
    }
  }

  func healthChanged(_ task: TaskActor, in world: World) {
    for service in instances.indices where model.discoveryServices[service].healthCheckCustom {
      for index in instances[service].indices where instances[service][index].task == task.taskIndex {
        instances[service][index].pendingHealth = (!task.failingHealthChecks, world.now + CloudMapRegistry.healthPropagation)
      }
    }
  }

  /// Instances of a service with their current health (pending changes applied when due).
  public func currentInstances(of service: Int, at now: SimTime) -> [Instance] {
    for index in instances[service].indices {
      if let pending = instances[service][index].pendingHealth, pending.at <= now {
        instances[service][index].healthy = pending.healthy
        instances[service][index].pendingHealth = nil
      }
    }
    return instances[service]
  }

  /// Looks a DNS name up among the discovery services visible from `vpc`.
  public func answer(_ name: String, fromVPC vpc: Int?, asker: Int32, in world: World) -> DNSAnswer? {
    guard let service = serviceByName[name] else {
      // A name inside a visible namespace that no service answers for: NXDOMAIN from that zone.
      if let namespace = model.namespaces.first(where: { visible($0, from: vpc) && name.hasSuffix("." + $0.name) }) {
        return DNSAnswer(addresses: [], ttl: .seconds(Int64(namespace.negativeCacheTTLSeconds)),
                         source: "Cloud Map namespace \(namespace.name) has no such service")
      }
      return nil
    }
    let definition = model.discoveryServices[service]
    let namespace = model.namespaces[definition.namespace]
    guard visible(namespace, from: vpc) else { return nil }
    let all = currentInstances(of: service, at: world.now)
    let healthy = all.filter(\.healthy)
    let pool = healthy.isEmpty ? all : healthy
    var chosen: [UInt32]
    switch definition.routingPolicy {
    case .multivalue:
      chosen = pool.map(\.address)
      if chosen.count > 8 {
        var random = world.randomSource(asker).pointee
        chosen.shuffle(using: &random)
        world.randomSource(asker).pointee = random
        chosen = Array(chosen.prefix(8))
      }
    case .weighted:
      let pick = pool.isEmpty ? nil : pool[world.random(asker, below: pool.count)]
      if let alias = pick?.alias { return aliasAnswer(name, to: alias, fromVPC: vpc, asker: asker, in: world) }
      chosen = pick.map { [$0.address] } ?? []
    }
    let health = healthy.isEmpty && !all.isEmpty ? ", none healthy: answering unhealthy records" : ""
    return DNSAnswer(addresses: chosen, ttl: .seconds(Int64(definition.ttlSeconds)),
                     source: "Cloud Map \(definition.routingPolicy.rawValue) \(healthy.count)/\(all.count) healthy\(health)")
  }

  /// An alias record answers with the current addresses of the load balancer it names, and
  /// that name's TTL (Route 53 ignores the record's own TTL for aliases).
  func aliasAnswer(_ name: String, to target: String, fromVPC vpc: Int?, asker: Int32, in world: World) -> DNSAnswer {
    let answer = world.dnsAuthorities.lazy.filter { $0 !== self }
      .compactMap { $0.answer(target, fromVPC: vpc, asker: asker, in: world) }.first
    return DNSAnswer(addresses: answer?.addresses ?? [], ttl: answer?.ttl ?? .seconds(60),
                     source: "Cloud Map alias \(name) → \(target)" + (answer.map { ": \($0.source)" } ?? " (no answer)"))
  }

  func visible(_ namespace: Namespace, from vpc: Int?) -> Bool {
    switch namespace.kind {
    case .dnsPrivate: return vpc != nil && namespace.vpc == vpc
    case .dnsPublic: return true
    case .http: return false
    }
  }
}
