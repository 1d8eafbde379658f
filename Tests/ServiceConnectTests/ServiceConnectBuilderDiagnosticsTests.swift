import Diagnostics
import NetworkModel
import Testing

/// `ModelBuilder+ServiceConnect`: each configuration mistake ECS rejects is one positioned error.
@Suite struct ServiceConnectBuilderDiagnosticsTests {
  typealias F = ServiceConnectFixture

  struct Case: CustomStringConvertible, Sendable {
    var name: String
    var scenario: @Sendable () -> F.JSON
    var id: String
    var path: String
    var description: String { name }
  }

  static let prefix = "/ecs/services/0/serviceConnectConfiguration/services/0"
  static let second = "/ecs/services/1/serviceConnectConfiguration/services/0"

  static let cases: [Case] = [
    Case(
      name: "portName naming no port mapping",
      scenario: {
        F.scenario(services: [
          F.service("orders", "api", serviceConnect: F.server(portName: "apii"))
        ])
      }, id: "model.service-connect-unknown-port-name", path: prefix + "/portName"),
    Case(
      name: "no namespace and no cluster default",
      scenario: {
        var service = F.service("web", "caller", serviceConnect: F.client)
        service["cluster"] = "bare"
        return F.scenario(services: [service])
      }, id: "model.service-connect-no-namespace",
      path: "/ecs/services/0/serviceConnectConfiguration"),
    Case(
      name: "unknown namespace",
      scenario: {
        F.scenario(services: [
          F.service("orders", "api", serviceConnect: F.server(namespace: "prdo"))
        ])
      }, id: "model.unresolved-reference",
      path: "/ecs/services/0/serviceConnectConfiguration/namespace"),
    Case(
      name: "discovery name used by another service",
      scenario: {
        F.scenario(services: [
          F.service(
            "orders", "api",
            serviceConnect: F.server(discoveryName: "orders", alias: ["port": 80, "dnsName": "a"])),
          F.service(
            "orders-v2", "api",
            serviceConnect: F.server(discoveryName: "orders", alias: ["port": 80, "dnsName": "b"])),
        ])
      }, id: "model.service-connect-duplicate-discovery-name", path: second + "/discoveryName"),
    Case(
      name: "alias name and port used by another service",
      scenario: {
        F.scenario(services: [
          F.service(
            "orders", "api",
            serviceConnect: F.server(discoveryName: "a", alias: ["port": 80, "dnsName": "orders"])),
          F.service(
            "orders-v2", "api",
            serviceConnect: F.server(discoveryName: "b", alias: ["port": 80, "dnsName": "orders"])),
        ])
      }, id: "model.service-connect-duplicate-alias", path: second + "/clientAliases/0"),
    Case(
      name: "per-request timeout on a TCP port",
      scenario: {
        F.scenario(services: [
          F.service(
            "db", "tcp",
            serviceConnect: F.server(
              portName: "db", extra: ["timeout": ["perRequestTimeoutSeconds": 10]]))
        ])
      }, id: "model.service-connect-timeout-for-tcp",
      path: prefix + "/timeout/perRequestTimeoutSeconds"),
    Case(
      name: "two client aliases in one entry",
      scenario: {
        F.scenario(services: [
          F.service(
            "orders", "api",
            serviceConnect: F.server(extra: ["clientAliases": [["port": 80], ["port": 81]]]))
        ])
      }, id: "model.service-connect-too-many-aliases", path: prefix + "/clientAliases/1"),
    Case(
      name: "alias name with characters ECS refuses",
      scenario: {
        F.scenario(services: [
          F.service(
            "orders", "api", serviceConnect: F.server(alias: ["port": 80, "dnsName": "Orders!"]))
        ])
      }, id: "model.service-connect-invalid-name", path: prefix + "/clientAliases/0/dnsName"),
    Case(
      name: "TLS authority that is not a Private CA",
      scenario: {
        let tls: F.JSON = [
          "issuerCertificateAuthority": [
            "awsPcaAuthorityArn": "arn:aws:acm:us-east-1:123456789012:certificate/x"
          ]
        ]
        return F.scenario(services: [
          F.service("orders", "api", serviceConnect: F.server(extra: ["tls": tls]))
        ])
      }, id: "model.service-connect-invalid-tls-authority",
      path: prefix + "/tls/issuerCertificateAuthority/awsPcaAuthorityArn"),
    Case(
      name: "ingressPortOverride on another container port",
      scenario: {
        F.scenario(services: [
          F.service(
            "orders", "two-ports", serviceConnect: F.server(extra: ["ingressPortOverride": 9090]))
        ])
      }, id: "model.service-connect-ingress-port-conflict", path: prefix + "/ingressPortOverride"),
    Case(
      name: "unknown appProtocol on the named port",
      scenario: {
        let definition = F.taskDefinition(
          "odd", ports: [["name": "api", "containerPort": 8080, "appProtocol": "HTTP"]])
        return F.scenario(
          services: [F.service("orders", "odd", serviceConnect: F.server())],
          taskDefinitions: F.taskDefinitions + [definition])
      }, id: "model.invalid-app-protocol",
      path: "/ecs/taskDefinitions/4/containerDefinitions/0/portMappings/0/appProtocol"),
    Case(
      name: "updateService naming no port mapping",
      scenario: {
        F.scenario(
          services: [F.service("orders", "api")],
          events: [
            [
              "at": "10s",
              "updateService": [
                "service": "orders", "serviceConnectConfiguration": F.server(portName: "nope"),
              ],
            ]
          ])
      }, id: "model.service-connect-unknown-port-name",
      path: "/events/0/updateService/serviceConnectConfiguration/services/0/portName"),
    Case(
      name: "updateService taking an alias another service holds",
      scenario: {
        F.scenario(
          services: [
            F.service(
              "orders", "api",
              serviceConnect: F.server(
                discoveryName: "a", alias: ["port": 80, "dnsName": "orders"])),
            F.service("orders-v2", "api"),
          ],
          events: [
            [
              "at": "10s",
              "updateService": [
                "service": "orders-v2",
                "serviceConnectConfiguration": F.server(
                  discoveryName: "b", alias: ["port": 80, "dnsName": "orders"]),
              ],
            ]
          ])
      }, id: "model.service-connect-duplicate-alias",
      path: "/events/0/updateService/serviceConnectConfiguration/services/0/clientAliases/0"),
  ]

  @Test(arguments: cases)
  func reportsOnePositionedError(_ testCase: Case) {
    let built = F.build(testCase.scenario())
    #expect(built.model == nil)
    let errors = built.diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1, "\(errors.map { "\($0.id) \($0.message)" })")
    #expect(errors.first?.id.description == testCase.id)
    #expect(errors.first?.path == testCase.path)
  }

  @Test func unknownPortNameSuggestsTheClosestNamedPort() {
    let built = F.build(
      F.scenario(services: [
        F.service("orders", "two-ports", serviceConnect: F.server(portName: "admn"))
      ]))
    let error = built.diagnostics.first {
      $0.id.description == "model.service-connect-unknown-port-name"
    }
    #expect(
      error?.message == "portName 'admn' names no port mapping of task definition 'two-ports'")
    #expect(error?.notes.map(\.message) == ["did you mean 'admin'?"])
  }

  @Test func anUpdateMayKeepTheServicesOwnNames() {
    let same = F.server(discoveryName: "orders", alias: ["port": 80, "dnsName": "orders"])
    let built = F.build(
      F.scenario(
        services: [F.service("orders", "api", serviceConnect: same)],
        events: [
          [
            "at": "10s",
            "updateService": ["service": "orders", "serviceConnectConfiguration": same],
          ]
        ]))
    #expect(built.model != nil, "\(built.diagnostics.map(\.message))")
  }

  @Test func aServiceMayTakeANameAnotherServiceGaveUp() {
    let name = F.server(discoveryName: "orders", alias: ["port": 80, "dnsName": "orders"])
    let built = F.build(
      F.scenario(
        services: [
          F.service("orders", "api", serviceConnect: name), F.service("orders-v2", "api"),
        ],
        events: [
          [
            "at": "10s",
            "updateService": [
              "service": "orders", "serviceConnectConfiguration": ["enabled": false],
            ],
          ],
          [
            "at": "20s",
            "updateService": ["service": "orders-v2", "serviceConnectConfiguration": name],
          ],
        ]))
    #expect(built.model != nil, "\(built.diagnostics.map(\.message))")
  }
}
