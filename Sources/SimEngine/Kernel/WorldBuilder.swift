import NetworkModel
import SimKernel

/// Stage 4: wires a model into a world — clients, external endpoints, Cloud Map, ECS and the
/// service sections' actors and DNS names. Nothing here can fail: the model is valid.
public enum WorldBuilder {
  public static func build(_ model: NetworkModel, seed: UInt64, traces: TraceSelection) -> World {
    let world = World(model: model, seed: seed, traceSelection: traces)
    let ecs = world.add(ECSControlPlane(model: model))
    world.ecs = ecs
    let cloudMap = CloudMapRegistry(model: model)
    world.cloudMap = cloudMap
    let publicDNS = PublicDNSAuthority()
    world.dnsAuthorities = [cloudMap, publicDNS]
    for (index, client) in model.clients.enumerated() {
      let actor = world.add(ClientSiteActor(name: "client \(client.name)"))
      let address: UInt32
      if let subnet = client.subnet {
        address = client.address?.value ?? world.addressPlan.privateAddress(in: subnet, of: model) ?? 0
      } else {
        address = client.address?.value ?? world.addressPlan.internetAddress()
      }
      let publicAddress = client.subnet.flatMap { model.subnets[$0].isPublic ? world.addressPlan.publicAddress() : nil }
      let interface = world.addInterface(address: address, publicAddress: publicAddress, subnet: client.subnet,
                                         securityGroups: client.securityGroups, owner: actor.id,
                                         label: "\(IPv4Address(address)) (client \(client.name))")
      world.clientInterfaces.append(interface)
      _ = index
    }
    for index in model.externals.indices {
      let endpoint = model.externals[index]
      let actor = world.add(ExternalEndpointActor(endpoint: index, model: model))
      actor.defaultBody = world.bodies.intern(endpoint.name)
      let address = endpoint.address?.value
        ?? (endpoint.subnet.flatMap { world.addressPlan.privateAddress(in: $0, of: model) } ?? world.addressPlan.publicAddress())
      let interface = world.addInterface(address: address, publicAddress: nil, subnet: endpoint.subnet,
                                         securityGroups: endpoint.securityGroups, owner: actor.id,
                                         label: "\(IPv4Address(address)) (\(endpoint.name))")
      actor.interface = interface
      for port in endpoint.ports { world.interfaces[Int(interface)].listeners[port] = actor.id }
      for name in endpoint.hostnames { publicDNS.add(name, address: address, source: "public DNS record of \(endpoint.name)") }
    }
    // AWS API endpoints (`*.amazonaws.com`) answer 200 on 443 and 80.
    let api = world.add(ExternalEndpointActor.awsAPI(model: model))
    let apiAddress = world.addressPlan.publicAddress()
    api.interface = world.addInterface(address: apiAddress, publicAddress: nil, subnet: nil, securityGroups: [], owner: api.id,
                                       label: "\(IPv4Address(apiAddress)) (AWS API endpoint)")
    api.defaultBody = world.bodies.intern("aws-api")
    for port in [80, 443] { world.interfaces[Int(api.interface)].listeners[port] = api.id }
    publicDNS.awsAPIAddress = apiAddress
    for index in model.traffic.indices { world.clientActors.append(world.add(ClientActor(stream: index, model: model))) }
    wireServiceSections(world)
    return world
  }
}

extension WorldBuilder {
  /// The service sections, wired after the core world exists: each adds its actors, DNS names
  /// and observers (load balancers, App Mesh, Service Connect, VPC Lattice).
  static func wireServiceSections(_ world: World) {
    AppMeshWiring.wire(world)
    let loadBalancing = LoadBalancingPlane.wire(world)
    ServiceConnectWiring.wire(world)
    let lattice = LatticeWiring.wire(world)
    if let loadBalancing, let lattice {
      // Lattice `ALB` targets given by ARN or name reach the load balancer's nodes.
      lattice.loadBalancerAddresses = { reference, world in loadBalancing.nodeAddresses(of: reference, in: world) }
    }
  }
}

/// The host a client stands on; it answers nothing (nobody calls a client).
final class ClientSiteActor: SimActor {}
