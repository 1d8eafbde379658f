import ScenarioFormat

extension ApplicationWiring {
  /// The prefix list of VPC Lattice's addresses, which target security groups must admit.
  static let latticePrefixList = "pl-vpc-lattice"

  /// VPC Lattice: one service network associated with the VPC, a Lattice service per
  /// application service with an HTTP listener forwarding to one target group per version
  /// (weighted) and a rule per header route; ECS registers the tasks in the target groups.
  /// Callers use the generated Lattice DNS names; the ALB forwards to the entry service.
  static func lattice(_ app: ApplicationSpec) -> WiredScenario {
    var skeleton = ScenarioSkeleton(app: app, option: .lattice)
    let names = skeleton.names
    let network = app.name
    skeleton.addGroup(names.latticeSecurityGroup, "\(app.name)-lattice")
    let url = { (service: String, path: String) -> String in
      guard let target = app.service(service) else { return "http://\(service)\(path)" }
      return "http://\(names.latticeDNSName(target))\(path)"
    }
    skeleton.lattice["serviceNetworks"] = [["name": .string(network), "authType": "NONE"]]
    skeleton.lattice["serviceNetworkVpcAssociations"] = [
      [
        "serviceNetworkIdentifier": .string(network), "vpcIdentifier": .string(names.vpc),
        "securityGroupIds": [.string(names.latticeSecurityGroup)],
      ]
    ]
    for service in app.services {
      let ecsName = { (version: ApplicationSpec.Version) in names.ecsService(service, version) }
      guard !names.callers(of: service).isEmpty else {
        // Nobody inside calls it (the entry service): no Lattice service needed.
        for version in service.versions {
          skeleton.addTaskDefinition(service, version, url: url)
          skeleton.addECSService(
            ecsName(version), taskDefinition: ecsName(version), desiredCount: version.tasks,
            securityGroup: names.securityGroup(service),
            extra: entryAttachment(app, service, version, names: names))
        }
        continue
      }
      // Lattice reaches targets from its own addresses; callers reach Lattice on port 80.
      skeleton.allow(
        names.securityGroup(service), port: service.port, from: .prefixList(latticePrefixList))
      for caller in names.callers(of: service) {
        skeleton.allow(
          names.latticeSecurityGroup, port: 80, from: .group(names.securityGroup(caller)))
      }
      skeleton.lattice["services", default: []].append([
        "name": .string(service.name), "authType": "NONE",
        "id": .string(names.latticeServiceID(service)),
        "dnsEntry": ["domainName": .string(names.latticeDNSName(service))],
      ])
      skeleton.lattice["serviceNetworkServiceAssociations", default: []].append([
        "serviceNetworkIdentifier": .string(network), "serviceIdentifier": .string(service.name),
      ])
      for version in service.versions {
        skeleton.lattice["targetGroups", default: []].append([
          "name": .string(names.latticeTargetGroup(service, version)), "type": "IP",
          "config": [
            "port": .int(Int64(service.port)), "protocol": "HTTP", "protocolVersion": "HTTP1",
            "vpcIdentifier": .string(names.vpc),
            "healthCheck": ["enabled": true, "path": .string(service.healthPath)],
          ],
        ])
        skeleton.addTaskDefinition(service, version, url: url)
        var extra = entryAttachment(app, service, version, names: names)
        extra["vpcLatticeConfigurations"] = [
          [
            "roleArn": .string(
              "arn:aws:iam::\(names.accountID):role/ecsInfrastructureRoleForLattice"),
            "targetGroupArn": .string(names.latticeTargetGroup(service, version)),
            "portName": "http",
          ]
        ]
        skeleton.addECSService(
          ecsName(version), taskDefinition: ecsName(version), desiredCount: version.tasks,
          securityGroup: names.securityGroup(service), extra: extra)
      }
      skeleton.lattice["listeners", default: []].append([
        "serviceIdentifier": .string(service.name), "name": "http", "protocol": "HTTP", "port": 80,
        "defaultAction": forward(service, names: names),
      ])
      for (index, route) in service.headerRoutes.enumerated() {
        let version = names.version(service, named: route.version)
        skeleton.lattice["rules", default: []].append([
          "serviceIdentifier": .string(service.name), "listenerIdentifier": "http",
          "name": .string("\(route.version)-by-header-\(index + 1)"),
          "priority": .int(Int64(10 * (index + 1))),
          "match": [
            "httpMatch": [
              "headerMatches": [
                ["name": .string(route.header), "match": ["exact": .string(route.value)]]
              ]
            ]
          ],
          "action": [
            "forward": [
              "targetGroups": [
                [
                  "targetGroupIdentifier": .string(names.latticeTargetGroup(service, version)),
                  "weight": 100,
                ]
              ]
            ]
          ],
        ])
      }
    }
    addEntry(&skeleton, app: app, names: names)
    skeleton.addEvents { service in
      guard !names.callers(of: service).isEmpty else {
        return entryWeights(service, app: app, names: names)
      }
      return [
        "updateListener": [
          "serviceIdentifier": .string(service.name), "listenerIdentifier": "http",
          "defaultAction": forward(service, names: names),
        ]
      ]
    }
    if app.neededFeatures.contains(.retries) {
      skeleton.limitations.append(
        "VPC Lattice does not retry failed requests; the application must")
    }
    let description =
      "\(app.name) wired with VPC Lattice: service network '\(network)' associated with the VPC, a "
      + "Lattice service per application service with weighted target groups that ECS fills, and an internet-facing ALB "
      + "in front of '\(app.entry)'. Generated by meshsim compare."
    return WiredScenario(
      option: .lattice, document: skeleton.document(description: description),
      limitations: skeleton.limitations, sidecarsPerTask: 0, proxyTasks: 0)
  }

  /// A listener's forward action over the service's versions, by weight.
  static func forward(_ service: ApplicationSpec.Service, names: ApplicationNames) -> JSONOutput {
    [
      "forward": [
        "targetGroups": .array(
          service.versions.map {
            [
              "targetGroupIdentifier": .string(names.latticeTargetGroup(service, $0)),
              "weight": .int(Int64($0.weight)),
            ]
          })
      ]
    ]
  }
}
