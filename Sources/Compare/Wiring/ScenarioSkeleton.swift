import ScenarioFormat

/// The parts every wiring of an application shares — VPC, subnets, security groups, the ECS
/// cluster, task definitions and services, the ingress ALB, the traffic and the ECS events —
/// gathered section by section; each wiring adds its own resources and renders the document.
struct ScenarioSkeleton {
  /// A security-group ingress peer.
  enum Peer {
    case group(String)
    case cidr(String)
    case prefixList(String)
  }

  let app: ApplicationSpec
  let names: ApplicationNames
  let option: WiringOption
  var ingress: [String: [(port: Int, peer: Peer)]] = [:]
  var groupOrder: [(id: String, name: String)] = []
  var cloudMap: [String: [JSONOutput]] = [:]
  var taskDefinitions: [JSONOutput] = []
  var ecsServices: [JSONOutput] = []
  var elb: [String: [JSONOutput]] = [:]
  var appMesh: [String: [JSONOutput]] = [:]
  var lattice: [String: [JSONOutput]] = [:]
  var events: [(at: String, order: Int, body: JSONOutput)] = []
  var limitations: [String] = []

  init(app: ApplicationSpec, option: WiringOption) {
    self.app = app
    self.names = ApplicationNames(app: app)
    self.option = option
    addGroup(names.albSecurityGroup, "\(app.name)-alb")
    allow(names.albSecurityGroup, port: 80, from: .cidr("0.0.0.0/0"))
    for service in app.services {
      addGroup(names.securityGroup(service), "\(app.name)-\(service.name)")
    }
  }

  mutating func addGroup(_ id: String, _ name: String) {
    groupOrder.append((id, name))
    if ingress[id] == nil { ingress[id] = [] }
  }

  mutating func allow(_ group: String, port: Int, from peer: Peer) {
    ingress[group, default: []].append((port, peer))
  }

  /// Lets every caller of each service reach it on its port (security-group references).
  mutating func allowCallers() {
    for service in app.services {
      for caller in names.callers(of: service) {
        allow(
          names.securityGroup(service), port: service.port,
          from: .group(names.securityGroup(caller)))
      }
    }
  }

  /// The task definition of one version: the application container with its behaviour, plus
  /// whatever the wiring adds (an Envoy container and a proxy configuration).
  mutating func addTaskDefinition(
    _ service: ApplicationSpec.Service, _ version: ApplicationSpec.Version,
    url: (String, String) -> String, extraContainers: [JSONOutput] = [],
    extra: [String: JSONOutput] = [:]
  ) {
    var container: [String: JSONOutput] = [
      "name": "app", "image": .string("\(app.name)/\(service.name):\(version.name)"),
      "essential": true,
      "portMappings": [
        [
          "name": "http", "containerPort": .int(Int64(service.port)), "protocol": "tcp",
          "appProtocol": "http",
        ]
      ],
    ]
    if let behavior = BehaviorRewriting.rewrite(version.behavior, url: url) {
      container["behavior"] = behavior
    }
    var definition: [String: JSONOutput] = [
      "family": .string(names.ecsService(service, version)), "networkMode": "awsvpc",
      "requiresCompatibilities": ["FARGATE"],
      "cpu": .string(String(service.cpu)), "memory": .string(String(service.memory)),
      "containerDefinitions": .array([.object(container)] + extraContainers),
    ]
    for (key, value) in extra { definition[key] = value }
    taskDefinitions.append(.object(definition))
  }

  /// An ECS service in the private subnets with the service's security group.
  mutating func addECSService(
    _ name: String, taskDefinition: String, desiredCount: Int, securityGroup: String,
    extra: [String: JSONOutput] = [:]
  ) {
    var service: [String: JSONOutput] = [
      "serviceName": .string(name), "cluster": .string(names.cluster),
      "taskDefinition": .string(taskDefinition),
      "desiredCount": .int(Int64(desiredCount)), "launchType": "FARGATE",
      "networkConfiguration": [
        "awsvpcConfiguration": [
          "subnets": .array(names.privateSubnets.map { .string($0.id) }),
          "securityGroups": [.string(securityGroup)],
          "assignPublicIp": "DISABLED",
        ]
      ],
    ]
    for (key, value) in extra { service[key] = value }
    ecsServices.append(.object(service))
  }

  /// The internet-facing ALB: port 80 forwarding to the target groups (IP targets on `port`),
  /// weighted when there are several.
  mutating func addIngressLoadBalancer(
    targetGroups: [(name: String, weight: Int)], port: Int, healthPath: String
  ) {
    elb["loadBalancers", default: []].append([
      "Name": .string(names.albName), "DNSName": .string(names.albDNSName), "Type": "application",
      "Scheme": "internet-facing", "Subnets": .array(names.publicSubnets.map { .string($0.id) }),
      "SecurityGroups": [.string(names.albSecurityGroup)],
    ])
    for group in targetGroups {
      elb["targetGroups", default: []].append([
        "Name": .string(group.name), "Protocol": "HTTP", "Port": .int(Int64(port)),
        "VpcId": .string(names.vpc),
        "TargetType": "ip", "HealthCheckPath": .string(healthPath),
      ])
    }
    let action: JSONOutput =
      targetGroups.count == 1
      ? ["Type": "forward", "TargetGroupArn": .string(targetGroups[0].name)]
      : [
        "Type": "forward",
        "ForwardConfig": [
          "TargetGroups": .array(
            targetGroups.map {
              ["TargetGroupArn": .string($0.name), "Weight": .int(Int64($0.weight))]
            })
        ],
      ]
    elb["listeners", default: []].append([
      "LoadBalancerArn": .string(names.albName), "Protocol": "HTTP", "Port": 80,
      "DefaultActions": [action],
    ])
  }

  /// ECS `UpdateService` and `StopTask` events; weight changes go through `weightChange`, which
  /// gets the service with its new weights and returns the wiring's API call, or nil when the
  /// wiring cannot express one.
  mutating func addEvents(weightChange: (ApplicationSpec.Service) -> JSONOutput?) {
    var current = Dictionary(uniqueKeysWithValues: app.services.map { ($0.name, $0) })
    for (order, event) in app.events.enumerated() {
      guard let service = current[eventService(event)] else { continue }
      switch event.action {
      case .scaleOut(_, let versionName, let tasks):
        let version = names.version(service, named: versionName)
        events.append(
          (
            event.atText, order,
            [
              "at": .string(event.atText),
              "updateService": [
                "service": .string(names.ecsService(service, version)),
                "desiredCount": .int(Int64(tasks)),
              ],
            ]
          ))
      case .stopTask(_, let versionName, let ordinal):
        let version = names.version(service, named: versionName)
        events.append(
          (
            event.atText, order,
            [
              "at": .string(event.atText),
              "stopTask": ["task": .string("\(names.ecsService(service, version))/\(ordinal)")],
            ]
          ))
      case .setWeights(_, let weights):
        var changed = service
        for (versionName, weight) in weights {
          if let index = changed.versions.firstIndex(where: { $0.name == versionName }) {
            changed.versions[index].weight = weight
          }
        }
        current[service.name] = changed
        let summary = weights.map { "\($0.version) \($0.weight)" }.joined(separator: ", ")
        if let call = weightChange(changed) {
          var body: [String: JSONOutput] = ["at": .string(event.atText)]
          if case .object(let members) = call { for (key, value) in members { body[key] = value } }
          events.append((event.atText, order, .object(body)))
        } else {
          limitations.append(
            "at \(event.atText) '\(service.name)' weights should become \(summary): "
              + "\(option.title) has no per-request weights, so the event is left out")
        }
      }
    }
  }

  func eventService(_ event: ApplicationSpec.Event) -> String {
    switch event.action {
    case .scaleOut(let service, _, _), .stopTask(let service, _, _), .setWeights(let service, _):
      service
    }
  }
}
