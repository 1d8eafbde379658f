import ScenarioFormat

/// The per-option parts of a generated scenario: the ECS service attachments and the Cloud Map,
/// ELB and VPC Lattice sections.
extension TopologyGenerator {
  /// ECS `CreateService` fields of service `index`, attached the way its option needs.
  func ecsService(_ index: Int) -> [String: JSONOutput] {
    let name = serviceName(index)
    var fields = serviceFields(name: name, count: options.tasksPerService, group: "sg-\(name)")
    switch option(of: index) {
    case .cloudMap, .mixed:
      fields["serviceRegistries"] = .array([
        .object(["registryArn": .string("arn:aws:servicediscovery:us-east-1:123456789012:service/srv-\(name)")])
      ])
    case .serviceConnect:
      fields["serviceConnectConfiguration"] = .object([
        "enabled": .bool(true),
        "services": .array([
          .object([
            "portName": .string("http"), "discoveryName": .string(name),
            "clientAliases": .array([.object(["port": .int(80), "dnsName": .string(name)])]),
          ])
        ]),
      ])
    case .loadBalancer:
      fields["loadBalancers"] = .array([
        .object(["targetGroupArn": .string("tg-\(name)"), "containerName": .string("app"), "containerPort": .int(8080)])
      ])
    case .lattice:
      fields["vpcLatticeConfigurations"] = .array([
        .object([
          "targetGroupArn": .string("tg-\(name)"), "portName": .string("http"),
          "roleArn": .string("arn:aws:iam::123456789012:role/ecsInfrastructureRoleForVpcLattice"),
        ])
      ])
    }
    return fields
  }

  /// The private DNS namespace of the Cloud Map services, and the HTTP namespace Service
  /// Connect uses.
  func cloudMapSection() -> JSONOutput {
    var namespaces: [JSONOutput] = []
    let discovered = indices(of: .cloudMap)
    if !discovered.isEmpty {
      namespaces.append(.object(["Name": .string("gen.local"), "Type": .string("DNS_PRIVATE"), "Vpc": .string("vpc-gen"), "Id": .string("ns-gen-local")]))
    }
    if !indices(of: .serviceConnect).isEmpty {
      namespaces.append(.object(["Name": .string("gen"), "Type": .string("HTTP"), "Id": .string("ns-gen")]))
    }
    return .object([
      "namespaces": .array(namespaces),
      "services": .array(discovered.map { index in
        .object([
          "Name": .string(serviceName(index)), "Id": .string("srv-\(serviceName(index))"), "NamespaceId": .string("ns-gen-local"),
          "DnsConfig": .object([
            "RoutingPolicy": .string("MULTIVALUE"),
            "DnsRecords": .array([.object(["Type": .string("A"), "TTL": .int(60)])]),
          ]),
        ])
      }),
    ])
  }

  func loadBalancerName(_ group: Int) -> String { "gen-alb-" + padded(group + 1, 3) }

  func loadBalancerDNSName(_ group: Int) -> String {
    "internal-\(loadBalancerName(group))-\(padded(group + 1, 10)).us-east-1.elb.amazonaws.com"
  }

  /// One internal ALB per twenty services: a listener on port 80 answering 404 by default, one
  /// rule per route (`/app-N/rK*` to the service's target group), one target group per service.
  func loadBalancerSection() -> JSONOutput {
    let balanced = indices(of: .loadBalancer)
    var groups: [Int] = []
    for index in balanced where groups.last != index / TopologyGenerator.servicesPerLoadBalancer {
      groups.append(index / TopologyGenerator.servicesPerLoadBalancer)
    }
    var rules: [JSONOutput] = []
    for group in groups {
      var priority = 0
      for index in balanced where index / TopologyGenerator.servicesPerLoadBalancer == group {
        for prefix in routePrefixes(index) {
          priority += 1
          rules.append(.object([
            "ListenerArn": .string("\(loadBalancerName(group)):80"), "Priority": .int(Int64(priority)),
            "Conditions": .array([
              .object(["Field": .string("path-pattern"), "PathPatternConfig": .object(["Values": .array([.string(prefix + "*")])])])
            ]),
            "Actions": .array([.object(["Type": .string("forward"), "TargetGroupArn": .string("tg-\(serviceName(index))")])]),
          ]))
        }
      }
    }
    return .object([
      "loadBalancers": .array(groups.map { group in
        .object([
          "Name": .string(loadBalancerName(group)), "Type": .string("application"), "Scheme": .string("internal"),
          "Subnets": .array(TopologyGenerator.subnets.map { .string($0.0) }), "SecurityGroups": .array([.string("sg-alb")]),
          "DNSName": .string(loadBalancerDNSName(group)),
        ])
      }),
      "targetGroups": .array(balanced.map { index in
        .object([
          "Name": .string("tg-\(serviceName(index))"), "Protocol": .string("HTTP"), "Port": .int(8080),
          "VpcId": .string("vpc-gen"), "TargetType": .string("ip"), "HealthCheckPath": .string("/health"),
        ])
      }),
      "listeners": .array(groups.map { group in
        .object([
          "LoadBalancerArn": .string(loadBalancerName(group)), "Protocol": .string("HTTP"), "Port": .int(80),
          "DefaultActions": .array([
            .object([
              "Type": .string("fixed-response"),
              "FixedResponseConfig": .object(["StatusCode": .string("404"), "ContentType": .string("text/plain")]),
            ])
          ]),
        ])
      }),
      "rules": .array(rules),
    ])
  }

  func latticeServiceName(_ group: Int) -> String { "gen-lattice-" + padded(group + 1, 3) }

  /// The Lattice service (group) application `index` is reached through.
  public func latticeGroup(of index: Int) -> Int {
    latticePosition(of: index) / applicationsPerLatticeService
  }

  /// VPC Lattice services (auth NONE) of `applicationsPerLatticeService` applications each, in one service network
  /// associated with the VPC: an HTTP listener answering 404 by default, one rule per route
  /// (prefix `/app-N/rK` to the application's target group), one IP target group per
  /// application.
  func latticeSection() -> JSONOutput {
    let applications = indices(of: .lattice)
    let groups = stride(from: 0, to: applications.count, by: applicationsPerLatticeService).map {
      Array(applications[$0..<min($0 + applicationsPerLatticeService, applications.count)])
    }
    var rules: [JSONOutput] = []
    for (group, members) in groups.enumerated() {
      var priority = 0
      for index in members {
        for prefix in routePrefixes(index) {
          priority += 1
          rules.append(.object([
            "serviceIdentifier": .string(latticeServiceName(group)), "listenerIdentifier": .string("http"),
            "name": .string("route-\(priority)"), "priority": .int(Int64(priority)),
            "match": .object(["httpMatch": .object(["pathMatch": .object(["match": .object(["prefix": .string(prefix)])])])]),
            "action": .object([
              "forward": .object(["targetGroups": .array([.object(["targetGroupIdentifier": .string("tg-\(serviceName(index))"), "weight": .int(100)])])])
            ]),
          ]))
        }
      }
    }
    return .object([
      "serviceNetworks": .array([.object(["name": .string("gen-network"), "authType": .string("NONE")])]),
      "services": .array(groups.indices.map { group in
        .object([
          "name": .string(latticeServiceName(group)), "authType": .string("NONE"),
          "customDomainName": .string("\(latticeServiceName(group)).gen.internal"),
        ])
      }),
      "listeners": .array(groups.indices.map { group in
        .object([
          "serviceIdentifier": .string(latticeServiceName(group)), "name": .string("http"), "protocol": .string("HTTP"),
          "port": .int(80), "defaultAction": .object(["fixedResponse": .object(["statusCode": .int(404)])]),
        ])
      }),
      "rules": .array(rules),
      "targetGroups": .array(applications.map { index in
        .object([
          "name": .string("tg-\(serviceName(index))"), "type": .string("IP"),
          "config": .object([
            "port": .int(8080), "protocol": .string("HTTP"), "vpcIdentifier": .string("vpc-gen"),
            "healthCheck": .object(["path": .string("/health")]),
          ]),
        ])
      }),
      "serviceNetworkVpcAssociations": .array([
        .object(["serviceNetworkIdentifier": .string("gen-network"), "vpcIdentifier": .string("vpc-gen")])
      ]),
      "serviceNetworkServiceAssociations": .array(groups.indices.map { group in
        .object(["serviceNetworkIdentifier": .string("gen-network"), "serviceIdentifier": .string(latticeServiceName(group))])
      }),
    ])
  }
}
