import SimKernel

/// The names and identifiers every wiring of one application shares, so the four generated
/// scenarios differ only where the options differ.
struct ApplicationNames {
  let app: ApplicationSpec

  var vpc: String { "vpc-\(app.name)" }
  var cluster: String { app.name }
  var dnsNamespace: String { "\(app.name).local" }
  var namespaceID: String { "ns-\(app.name)" }
  var accountID: String { "123456789012" }
  var albName: String { "\(app.name)-ingress" }
  var albSecurityGroup: String { "sg-\(app.name)-alb" }
  var gatewaySecurityGroup: String { "sg-\(app.name)-gateway" }
  var latticeSecurityGroup: String { "sg-\(app.name)-lattice" }
  var gatewayName: String { "\(app.name)-gateway" }
  var gatewayPort: Int { 8080 }
  var privateSubnets: [(id: String, cidr: String, zone: String)] {
    [
      ("subnet-\(app.name)-a", "10.0.1.0/24", app.region + "a"),
      ("subnet-\(app.name)-b", "10.0.2.0/24", app.region + "b"),
    ]
  }
  var publicSubnets: [(id: String, cidr: String, zone: String)] {
    [
      ("subnet-\(app.name)-public-a", "10.0.101.0/24", app.region + "a"),
      ("subnet-\(app.name)-public-b", "10.0.102.0/24", app.region + "b"),
    ]
  }

  /// The load balancer's DNS name, in ELB's shape, with digits derived from the name.
  var albDNSName: String {
    let digits = StableHash.fnv1a64(albName) % 9_000_000_000 + 1_000_000_000
    return "\(albName)-\(digits).\(app.region).elb.amazonaws.com"
  }

  /// The ECS service (and task definition family) of a version: the service's own name when it
  /// has one version, `orders-v2` otherwise.
  func ecsService(_ service: ApplicationSpec.Service, _ version: ApplicationSpec.Version) -> String
  {
    service.versions.count == 1 ? service.name : "\(service.name)-\(version.name)"
  }

  func securityGroup(_ service: ApplicationSpec.Service) -> String {
    "sg-\(app.name)-\(service.name)"
  }
  func cloudMapServiceID(_ service: ApplicationSpec.Service) -> String { "srv-\(service.name)" }
  func cloudMapRegistryARN(_ service: ApplicationSpec.Service) -> String {
    "arn:aws:servicediscovery:\(app.region):\(accountID):service/\(cloudMapServiceID(service))"
  }
  /// The ALB target group of an entry version.
  func targetGroup(_ service: ApplicationSpec.Service, _ version: ApplicationSpec.Version) -> String
  {
    "\(ecsService(service, version))-tg"
  }

  /// The VPC Lattice target group of a version.
  func latticeTargetGroup(_ service: ApplicationSpec.Service, _ version: ApplicationSpec.Version)
    -> String
  {
    "\(ecsService(service, version))-lattice"
  }

  /// The version a service's traffic goes to where only one can own the name (the heaviest,
  /// first on ties).
  func primaryVersion(_ service: ApplicationSpec.Service) -> ApplicationSpec.Version {
    service.versions.max { $0.weight < $1.weight || ($0.weight == $1.weight && $0.name > $1.name) }!
  }

  /// The version an event names (the service's first version when it names none).
  func version(_ service: ApplicationSpec.Service, named name: String) -> ApplicationSpec.Version {
    service.versions.first { $0.name == name } ?? service.versions[0]
  }

  /// The services a service calls (from every version's behaviour), sorted, without repeats.
  func callees(of service: ApplicationSpec.Service) -> [String] {
    var names: Set<String> = []
    for version in service.versions {
      names.formUnion(BehaviorRewriting.calledServices(version.behavior))
    }
    return names.sorted()
  }

  /// The services that call `service`.
  func callers(of service: ApplicationSpec.Service) -> [ApplicationSpec.Service] {
    app.services.filter { callees(of: $0).contains(service.name) }
  }

  /// VPC Lattice's generated identifier and DNS name for a service (see ``LatticeNaming``).
  func latticeServiceID(_ service: ApplicationSpec.Service) -> String {
    LatticeNaming.serviceID(service.name, salt: app.name)
  }

  func latticeDNSName(_ service: ApplicationSpec.Service) -> String {
    LatticeNaming.dnsName(service.name, salt: app.name, region: app.region)
  }
}
