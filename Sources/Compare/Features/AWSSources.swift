/// Where the comparison and migration notes come from: short keys (as in MeshSim's AWS
/// behaviour reference) and the documents they stand for. Reports print the ones they cite.
public enum AWSSources {
  public static let documents: [String: String] = [
    "ALB-LST":
      "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html",
    "AM-EOL":
      "https://aws.amazon.com/blogs/containers/migrating-from-aws-app-mesh-to-amazon-ecs-service-connect/",
    "AM-EOL-SUM":
      "https://sysdesign-wiki.pages.dev/sources/2025-01-18-aws-app-mesh-discontinuation-service-connect-migration/",
    "AM-GWR": "https://docs.aws.amazon.com/app-mesh/latest/userguide/gateway-routes.html",
    "AM-MESH": "https://docs.aws.amazon.com/app-mesh/latest/userguide/meshes.html",
    "AM-MTLS": "https://docs.aws.amazon.com/app-mesh/latest/userguide/mutual-tls.html",
    "AM-ROUTES": "https://docs.aws.amazon.com/app-mesh/latest/userguide/routes.html",
    "AM-TLS": "https://docs.aws.amazon.com/app-mesh/latest/userguide/tls.html",
    "AM-VN": "https://docs.aws.amazon.com/app-mesh/latest/userguide/virtual_nodes.html",
    "BC-ECS": "the Amazon ECS API model (botocore data/ecs/2014-11-13/service-2.json)",
    "BC-VL": "the VPC Lattice API model (botocore data/vpc-lattice/2022-11-30/service-2.json)",
    "CM-NS": "https://docs.aws.amazon.com/cloud-map/latest/dg/namespaces-values.html",
    "CM-SVC": "https://docs.aws.amazon.com/cloud-map/latest/dg/services-values.html",
    "CR-1963": "https://github.com/aws/containers-roadmap/issues/1963",
    "CR-2334": "https://github.com/aws/containers-roadmap/issues/2334",
    "ECS-SC": "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html",
    "ECS-TO":
      "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TimeoutConfiguration.html",
    "R53-MV":
      "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-multivalue.html",
    "VL-AUTH": "https://docs.aws.amazon.com/vpc-lattice/latest/ug/auth-policies.html",
    "VL-HC": "https://docs.aws.amazon.com/vpc-lattice/latest/ug/target-group-health-checks.html",
    "VL-RULES": "https://docs.aws.amazon.com/vpc-lattice/latest/ug/listener-rules.html",
    "VL-SN": "https://docs.aws.amazon.com/vpc-lattice/latest/ug/service-networks.html",
    "VL-TLS": "https://docs.aws.amazon.com/vpc-lattice/latest/ug/tls-listeners.html",
    "VPC-SG": "https://docs.aws.amazon.com/vpc/latest/userguide/security-groups.html",
  ]

  /// The keys in source lists like `"AM-EOL-SUM, BC-ECS"`, each once, in first-seen order.
  public static func keys(in lists: [String]) -> [String] {
    var seen: [String] = []
    for list in lists {
      for part in list.split(separator: ",") {
        let key = String(part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        if !key.isEmpty && !seen.contains(key) { seen.append(key) }
      }
    }
    return seen
  }

  /// `key: document` lines for the keys cited.
  public static func lines(for lists: [String]) -> [String] {
    keys(in: lists).map { "\($0): \(documents[$0] ?? "MeshSim's AWS behaviour reference")" }
  }
}
