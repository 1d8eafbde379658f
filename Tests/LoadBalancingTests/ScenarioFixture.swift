import Diagnostics
import NetworkModel
import ScenarioFormat

/// The seed article's network (VPC, two public and two private subnets, the ALB, proxy and
/// backend security groups) and ECS services, with an `elb` section and service attachments
/// that each test supplies or tweaks.
struct ScenarioFixture {
  /// The `elb` section's members, as JSON text.
  var elb = ScenarioFixture.defaultELB
  /// The backend service's `loadBalancers` array, as JSON text.
  var backendLoadBalancers =
    #"[{"targetGroupArn": "backend-tg", "containerName": "backend", "containerPort": 80}]"#
  /// The proxy service's `loadBalancers` array, as JSON text.
  var proxyLoadBalancers =
    #"[{"targetGroupArn": "proxy-tg", "containerName": "nginx", "containerPort": 80}]"#
  /// Extra ingress rules of the backend security group (JSON array members).
  var backendIngress =
    #"{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "UserIdGroupPairs": [{"GroupId": "sg-alb"}, {"GroupId": "sg-proxy"}]}"#
  /// The `events` array, as JSON text.
  var events = "[]"
  /// The `traffic` array, as JSON text.
  var traffic = "[]"
  /// Extra top-level members (`"clients": [...], "external": [...]`), as JSON text ending in a comma.
  var extra = ""
  /// The backend container's `behavior` object, as JSON text.
  var backendBehavior = #"{"status": 200, "body": "backend"}"#

  static let defaultELB = """
    "loadBalancers": [
      {"Name": "ecs-navi-alb", "Subnets": ["public-1a", "public-1c"], "SecurityGroups": ["sg-alb"],
       "Scheme": "internet-facing", "Type": "application", "DNSName": "ecs-navi-alb-1.ap-northeast-1.elb.amazonaws.com"}
    ],
    "targetGroups": [
      {"Name": "proxy-tg", "Protocol": "HTTP", "Port": 3000, "VpcId": "vpc-navi", "TargetType": "ip"},
      {"Name": "backend-tg", "Protocol": "HTTP", "Port": 3000, "VpcId": "vpc-navi", "TargetType": "ip"}
    ],
    "listeners": [
      {"LoadBalancerArn": "ecs-navi-alb", "Protocol": "HTTP", "Port": 80,
       "DefaultActions": [{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404", "ContentType": "text/plain", "MessageBody": "not found"}}]}
    ],
    "rules": [
      {"ListenerArn": "ecs-navi-alb:80", "Priority": 1,
       "Conditions": [{"Field": "host-header", "HostHeaderConfig": {"Values": ["ecs-navi.site"]}}],
       "Actions": [{"Type": "forward", "TargetGroupArn": "proxy-tg"}]},
      {"ListenerArn": "ecs-navi-alb:80", "Priority": 2,
       "Conditions": [{"Field": "host-header", "HostHeaderConfig": {"Values": ["api.ecs-navi.site"]}}],
       "Actions": [{"Type": "forward", "TargetGroupArn": "backend-tg"}]}
    ]
    """

  var json: String {
    """
    {
      "name": "elb-fixture",
      "region": "ap-northeast-1",
      "ec2": {
        "vpcs": [{"VpcId": "vpc-navi", "CidrBlock": "10.0.0.0/16"}],
        "subnets": [
          {"SubnetId": "public-1a", "VpcId": "vpc-navi", "CidrBlock": "10.0.0.0/24", "AvailabilityZone": "ap-northeast-1a", "MapPublicIpOnLaunch": true},
          {"SubnetId": "public-1c", "VpcId": "vpc-navi", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "ap-northeast-1c", "MapPublicIpOnLaunch": true},
          {"SubnetId": "private-1a", "VpcId": "vpc-navi", "CidrBlock": "10.0.10.0/24", "AvailabilityZone": "ap-northeast-1a"},
          {"SubnetId": "private-1c", "VpcId": "vpc-navi", "CidrBlock": "10.0.11.0/24", "AvailabilityZone": "ap-northeast-1c"}
        ],
        "securityGroups": [
          {"GroupId": "sg-alb", "GroupName": "alb-sg", "VpcId": "vpc-navi",
           "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]},
          {"GroupId": "sg-proxy", "GroupName": "proxy-sg", "VpcId": "vpc-navi",
           "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "UserIdGroupPairs": [{"GroupId": "sg-alb"}]}]},
          {"GroupId": "sg-backend", "GroupName": "backend-sg", "VpcId": "vpc-navi",
           "IpPermissions": [\(backendIngress)]}
        ]
      },
      "ecs": {
        "clusters": [{"clusterName": "ecs-navi"}],
        "taskDefinitions": [
          {"family": "nginx", "networkMode": "awsvpc",
           "containerDefinitions": [{"name": "nginx", "image": "nginx", "portMappings": [{"containerPort": 80}]}]},
          {"family": "backend", "networkMode": "awsvpc",
           "containerDefinitions": [{"name": "backend", "image": "backend", "portMappings": [{"containerPort": 80}],
                                     "behavior": \(backendBehavior)}]}
        ],
        "services": [
          {"serviceName": "nginx", "cluster": "ecs-navi", "taskDefinition": "nginx", "desiredCount": 1,
           "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["private-1a", "private-1c"], "securityGroups": ["sg-proxy"]}},
           "loadBalancers": \(proxyLoadBalancers)},
          {"serviceName": "backend", "cluster": "ecs-navi", "taskDefinition": "backend", "desiredCount": 1,
           "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["private-1a", "private-1c"], "securityGroups": ["sg-backend"]}},
           "loadBalancers": \(backendLoadBalancers)}
        ]
      },
      "elb": {
    \(elb)
      },
      \(extra)
      "traffic": \(traffic),
      "events": \(events)
    }
    """
  }

  /// Decodes the fixture; the engine holds every diagnostic.
  func document() -> (ScenarioDocument?, DiagnosticEngine) {
    let engine = DiagnosticEngine()
    let document = ScenarioDecoder.decode(
      bytes: Array(json.utf8), file: "fixture.json", diagnostics: engine)
    return (document, engine)
  }

  /// Decodes and builds the fixture.
  func build() -> (NetworkModel?, DiagnosticEngine) {
    let (document, engine) = document()
    guard let document else { return (nil, engine) }
    return (ModelBuilder.build(document, diagnostics: engine), engine)
  }

  /// The ALB's DNS name in the default `elb` section.
  static let albName = "ecs-navi-alb-1.ap-northeast-1.elb.amazonaws.com"

  /// The identifiers of the reported errors.
  static func errorIDs(_ engine: DiagnosticEngine) -> [String] {
    engine.diagnostics.filter { $0.severity == .error }.map(\.id.rawValue)
  }
}
