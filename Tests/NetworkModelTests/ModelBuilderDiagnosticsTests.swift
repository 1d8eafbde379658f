import Diagnostics
import NetworkModel
import Testing
import SimTestSupport

/// The model builder's errors: each case marks where the diagnostic must point (`1️⃣`) and
/// gives its id and exact message. Every case must produce exactly one error: a mistake is
/// reported once, never followed by knock-on errors.
@Suite struct ModelBuilderDiagnosticsTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let id: String
    let message: String
    var note: String? = nil
    var testDescription: String { name }
  }

  static let service = """
    "ecs": {
        "taskDefinitions": [{ "family": "backend", "containerDefinitions": [{ "name": "backend", "portMappings": [{ "containerPort": 8080 }] }] }],
        "services": [{ "serviceName": "backend", "taskDefinition": "backend", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-a"] } } }]
      }
    """

  static let cases: [Case] = [
    Case(
      name: "unknown subnet, with the closest name",
      text: ScenarioText.scenario("""
        "ecs": {
            "taskDefinitions": [{ "family": "web", "containerDefinitions": [{ "name": "web" }] }],
            "services": [{ "serviceName": "web", "taskDefinition": "web", "networkConfiguration": { "awsvpcConfiguration": { "subnets": [1️⃣"subnet-c"] } } }]
          }
        """),
      id: "model.unresolved-reference", message: "unknown subnet 'subnet-c'", note: "did you mean 'subnet-a'?"),
    Case(
      name: "duplicate subnet",
      text: ScenarioText.scenario(ec2: """
        {
            "vpcs": [{ "VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16" }],
            "subnets": [
              { "SubnetId": "subnet-a", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a" },
              1️⃣{ "SubnetId": "subnet-a", "VpcId": "vpc-1", "CidrBlock": "10.0.2.0/24", "AvailabilityZone": "us-east-1a" }
            ]
          }
        """),
      id: "model.duplicate-name", message: "subnet 'subnet-a' is declared twice", note: "first declared here"),
    Case(
      name: "subnet outside its VPC",
      text: ScenarioText.scenario(ec2: """
        {
            "vpcs": [{ "VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16" }],
            "subnets": [{ "SubnetId": "subnet-a", "VpcId": "vpc-1", "CidrBlock": 1️⃣"10.1.0.0/24", "AvailabilityZone": "us-east-1a" }]
          }
        """),
      id: "model.subnet-outside-vpc", message: "subnet 'subnet-a' (10.1.0.0/24) is outside VPC 'vpc-1' (10.0.0.0/16)"),
    Case(
      name: "overlapping subnets",
      text: ScenarioText.scenario(ec2: """
        {
            "vpcs": [{ "VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16" }],
            "subnets": [
              { "SubnetId": "subnet-a", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a" },
              { "SubnetId": "subnet-b", "VpcId": "vpc-1", "CidrBlock": 1️⃣"10.0.1.128/25", "AvailabilityZone": "us-east-1a" }
            ]
          }
        """),
      id: "model.cidr-overlap", message: "subnet 'subnet-b' (10.0.1.128/25) overlaps subnet 'subnet-a' (10.0.1.0/24)"),
    Case(
      name: "invalid CIDR",
      text: ScenarioText.scenario(ec2: """
        { "vpcs": [{ "VpcId": "vpc-1", "CidrBlock": 1️⃣"10.0.0.0/33" }] }
        """),
      id: "model.invalid-cidr", message: "invalid CIDR block '10.0.0.0/33'"),
    Case(
      name: "unknown IP protocol",
      text: ScenarioText.scenario(ec2: """
        {
            "vpcs": [{ "VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16" }],
            "securityGroups": [{ "GroupId": "sg-1", "IpPermissions": [{ "IpProtocol": 1️⃣"gre", "IpRanges": [{ "CidrIp": "10.0.0.0/16" }] }] }]
          }
        """),
      id: "model.invalid-protocol", message: "unsupported IpProtocol 'gre'"),
    Case(
      name: "unknown group in a rule",
      text: ScenarioText.scenario(ec2: """
        {
            "vpcs": [{ "VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16" }],
            "securityGroups": [
              { "GroupId": "sg-web", "IpPermissions": [] },
              { "GroupId": "sg-api", "IpPermissions": [{ "IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "UserIdGroupPairs": [1️⃣{ "GroupId": "sg-wbe" }] }] }
            ]
          }
        """),
      id: "model.unresolved-reference", message: "unknown security group 'sg-wbe'", note: "did you mean 'sg-web'?"),
    Case(
      name: "placeholder naming an unknown service",
      text: ScenarioText.scenario(
        service + """
          ,
            "traffic": [{ "name": "t", "from": "internet", "request": { "url": 1️⃣"http://{{ip:backnd/1}}:8080/" } }]
          """),
      id: "model.unresolved-reference", message: "unknown ECS service 'backnd' in task name 'backnd/1'",
      note: "did you mean 'backend'?"),
    Case(
      name: "unknown placeholder",
      text: ScenarioText.scenario(
        service + """
          ,
            "traffic": [{ "name": "t", "from": "internet", "request": { "url": 1️⃣"http://{{address:backend/1}}/" } }]
          """),
      id: "model.invalid-url", message: "unknown placeholder '{{address:backend/1}}' in URL 'http://{{address:backend/1}}/'"),
    Case(
      name: "a scheme the engine cannot send",
      text: ScenarioText.scenario(
        service + """
          ,
            "traffic": [{ "name": "t", "from": "internet", "request": { "url": 1️⃣"ftp://{{ip:backend/1}}/file" } }]
          """),
      id: "model.invalid-url", message: "invalid URL 'ftp://{{ip:backend/1}}/file'"),
    Case(
      name: "proxyPass to a task of a service declared later",
      text: ScenarioText.scenario("""
        "ecs": {
            "taskDefinitions": [{ "family": "web", "containerDefinitions": [{ "name": "web", "behavior": { "proxyPass": 1️⃣"http://{{ip:api/3x}}:80" } }] }],
            "services": [{ "serviceName": "api", "taskDefinition": "web", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-a"] } } }]
          }
        """),
      id: "model.invalid-task-name", message: "invalid task name 'api/3x'"),
    Case(
      name: "task name without an ordinal",
      text: ScenarioText.scenario(
        service + """
          ,
            "events": [1️⃣{ "at": "10s", "stopTask": { "task": "backend" } }]
          """),
      id: "model.invalid-task-name", message: "invalid task name 'backend'"),
    Case(
      name: "unknown disposition",
      text: ScenarioText.scenario(
        service + """
          ,
            "traffic": [{ "name": "t", "from": "internet", "request": { "url": "http://example.com/" } }],
            "expect": [{ "traffic": "t", "disposition": 1️⃣"timeout", "share": 0 }]
          """),
      id: "model.unknown-disposition", message: "unknown disposition 'timeout'", note: "did you mean 'timedOut'?"),
    Case(
      name: "unknown traffic stream in an expectation",
      text: ScenarioText.scenario("""
        "traffic": [{ "name": "orders", "from": "internet", "request": { "url": "http://example.com/" } }],
          "expect": [{ "traffic": 1️⃣"order", "share": 1 }]
        """),
      id: "model.unresolved-reference", message: "unknown traffic stream 'order'", note: "did you mean 'orders'?"),
    Case(
      name: "expectation on a stream whose origin is unknown: one error, at the origin",
      text: ScenarioText.scenario("""
        "traffic": [{ "name": "orders", "from": 1️⃣"laptop", "request": { "url": "http://example.com/" } }],
          "expect": [{ "traffic": "orders", "share": 1 }]
        """),
      id: "model.unresolved-reference", message: "unknown client 'laptop'"),
    Case(
      name: "DNS records in an HTTP namespace",
      text: ScenarioText.scenario("""
        "cloudMap": {
            "namespaces": [{ "Id": "ns-1", "Name": "api", "Type": "HTTP" }],
            "services": [{ "Name": "orders", "NamespaceId": "ns-1", "DnsConfig": 1️⃣{ "DnsRecords": [{ "Type": "A", "TTL": 10 }] } }]
          }
        """),
      id: "model.invalid-dns-config",
      message: "Cloud Map service 'orders' has DNS records but namespace 'api' is an HTTP namespace"),
    Case(
      name: "CNAME records need WEIGHTED",
      text: ScenarioText.scenario("""
        "cloudMap": {
            "namespaces": [{ "Id": "ns-1", "Name": "shop.local", "Type": "DNS_PRIVATE", "Vpc": "vpc-1" }],
            "services": [{ "Name": "orders", "NamespaceId": "ns-1", "DnsConfig": 1️⃣{ "RoutingPolicy": "MULTIVALUE", "DnsRecords": [{ "Type": "CNAME", "TTL": 10 }] } }]
          }
        """),
      id: "model.invalid-dns-config", message: "CNAME records require RoutingPolicy WEIGHTED"),
    Case(
      name: "bridge network mode",
      text: ScenarioText.scenario("""
        "ecs": { "taskDefinitions": [{ "family": "web", "networkMode": 1️⃣"bridge", "containerDefinitions": [{ "name": "web" }] }] }
        """),
      id: "model.unsupported-network-mode", message: "task definition 'web' uses networkMode 'bridge'"),
    Case(
      name: "service registry with both port forms",
      text: ScenarioText.scenario("""
        "cloudMap": {
            "namespaces": [{ "Id": "ns-1", "Name": "shop.local", "Type": "DNS_PRIVATE", "Vpc": "vpc-1" }],
            "services": [{ "Id": "srv-1", "Name": "web", "NamespaceId": "ns-1", "DnsConfig": { "DnsRecords": [{ "Type": "A", "TTL": 10 }] } }]
          },
          "ecs": {
            "taskDefinitions": [{ "family": "web", "containerDefinitions": [{ "name": "web" }] }],
            "services": [{
              "serviceName": "web", "taskDefinition": "web", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-a"] } },
              "serviceRegistries": [1️⃣{ "registryArn": "srv-1", "port": 80, "containerPort": 80 }]
            }]
          }
        """),
      id: "model.invalid-service-registry", message: "serviceRegistries entry gives both 'port' and 'containerPort'"),
    Case(
      name: "duplicate port mapping across containers",
      text: ScenarioText.scenario("""
        "ecs": {
            "taskDefinitions": [{ "family": "web", "containerDefinitions": [
              { "name": "web", "portMappings": [{ "containerPort": 80 }] },
              { "name": "sidecar", "portMappings": [1️⃣{ "containerPort": 80 }] }
            ] }]
          }
        """),
      id: "model.duplicate-port", message: "port 80 is mapped by containers 'web' and 'sidecar'"),
  ]

  @Test(arguments: cases)
  func reportsOneErrorAtTheMarker(_ testCase: Case) throws {
    let marked = MarkedText(testCase.text)
    let built = ScenarioText.build(marked.text)
    #expect(built.model == nil)
    #expect(built.errors.count == 1, "\(built.errors.map { "\($0.id): \($0.message)" })")
    let error = try #require(built.errors.first)
    #expect(error.id.rawValue == testCase.id)
    #expect(error.message == testCase.message)
    let expected = try #require(marked.location("1️⃣"))
    #expect(error.location?.line == expected.line && error.location?.column == expected.column,
            "at \(error.location.map(\.description) ?? "nowhere"), expected \(expected)")
    if let note = testCase.note {
      #expect(error.notes.contains { $0.message == note }, "\(error.notes.map(\.message))")
    }
  }

  @Test func everyProblemIsReportedInOnePassInFileOrder() {
    let text = ScenarioText.scenario(ec2: """
      {
          "vpcs": [{ "VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16" }],
          "subnets": [{ "SubnetId": "subnet-a", "VpcId": "vpc-2", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a" }],
          "securityGroups": [{ "GroupId": "sg-1", "IpPermissions": [{ "IpProtocol": "gre" }] }]
        }
      """, """
        "traffic": [{ "name": "t", "from": { "service": "nothing" }, "request": { "url": "http://example.com/" } }],
        "expect": [{ "traffic": "t", "disposition": "lost", "share": 0 }]
      """)
    let built = ScenarioText.build(text)
    #expect(built.errors.map(\.id.rawValue) == [
      "model.unresolved-reference", "model.invalid-protocol", "model.unresolved-reference", "model.unknown-disposition",
    ])
    let lines = built.errors.compactMap { $0.location?.line }
    #expect(lines == lines.sorted())
  }

  @Test func aValidScenarioBuildsWithoutDiagnostics() throws {
    let built = ScenarioText.build(ScenarioText.scenario(Self.service))
    #expect(built.diagnostics.isEmpty, "\(built.diagnostics.map(\.message))")
    let model = try #require(built.model)
    #expect(model.services.map(\.name) == ["backend"])
    #expect(model.subnets.map(\.id) == ["subnet-a", "subnet-b"])
  }
}

/// `RegisterInstance` entries under `cloudMap.instances`.
@Suite struct CloudMapInstanceDiagnosticsTests {
  static func scenario(_ instances: String) -> String {
    ScenarioText.scenario("""
      "cloudMap": {
          "namespaces": [{ "Id": "ns-1", "Name": "shop.local", "Type": "DNS_PRIVATE", "Vpc": "vpc-1" }],
          "services": [{ "Id": "srv-db", "Name": "db", "NamespaceId": "ns-1", "DnsConfig": { "DnsRecords": [{ "Type": "A", "TTL": 30 }] } }],
          "instances": \(instances)
        }
      """)
  }

  @Test(arguments: [
    (#"[{ "ServiceId": 1️⃣"srv-dbb", "InstanceId": "i-1", "Attributes": { "AWS_INSTANCE_IPV4": "10.0.1.9" } }]"#,
     "model.unresolved-reference", "unknown Cloud Map service 'srv-dbb'"),
    (#"[1️⃣{ "ServiceId": "srv-db", "InstanceId": "i-1", "Attributes": { "AWS_INSTANCE_PORT": "5432" } }]"#,
     "schema.missing-key", "instance 'i-1' needs attribute 'AWS_INSTANCE_IPV4': Cloud Map service 'db.shop.local' has A records"),
    (#"[{ "ServiceId": "srv-db", "InstanceId": "i-1", "Attributes": { "AWS_INSTANCE_IPV4": 1️⃣"10.0.1.300" } }]"#,
     "model.invalid-address", "invalid IPv4 address '10.0.1.300'"),
    (#"[{ "ServiceId": "srv-db", "InstanceId": "i-1", "Attributes": { "AWS_INSTANCE_IPV4": "10.0.1.9", "AWS_INSTANCE_PORT": 1️⃣"0" } }]"#,
     "model.port-out-of-range", "invalid port '0' in AWS_INSTANCE_PORT"),
    (#"""
      [{ "ServiceId": "srv-db", "InstanceId": "i-1", "Attributes": { "AWS_INSTANCE_IPV4": "10.0.1.9" } },
       { "ServiceId": "db", "InstanceId": 1️⃣"i-1", "Attributes": { "AWS_INSTANCE_IPV4": "10.0.1.10" } }]
      """#, "model.duplicate-name", "instance 'i-1' is registered twice in Cloud Map service 'db.shop.local'"),
  ])
  func reportsAtTheMarker(_ instances: String, _ id: String, _ message: String) throws {
    let marked = MarkedText(Self.scenario(instances))
    let built = ScenarioText.build(marked.text)
    #expect(built.errors.count == 1, "\(built.errors.map(\.message))")
    let error = try #require(built.errors.first)
    #expect(error.id.rawValue == id)
    #expect(error.message == message)
    let expected = try #require(marked.location("1️⃣"))
    #expect(error.location?.line == expected.line && error.location?.column == expected.column)
  }
}
