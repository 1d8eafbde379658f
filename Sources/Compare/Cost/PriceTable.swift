/// The unit prices the cost estimate uses: US East (N. Virginia), on-demand, in US dollars,
/// each with the page it comes from. Prices change; every one can be overridden in the
/// application file (`"prices": {"latticeServiceHour": 0.03}`).
public struct PriceTable: Sendable {
  public struct Price: Sendable {
    public var key: String
    public var value: Double
    public var unit: String
    public var source: String
  }
  /// When the standard prices were compiled.
  public static let compiled = "2025-06 (us-east-1, on demand)"

  public var prices: [Price]

  public var keys: [String] { prices.map(\.key) }

  public func price(_ key: String) -> Double? {
    prices.first { $0.key == key }?.value
  }

  subscript(_ key: String) -> Double { price(key) ?? 0 }

  /// A copy with the user's overrides applied.
  public func overridden(by overrides: [(key: String, value: Double)]) -> PriceTable {
    var copy = self
    for (key, value) in overrides {
      if let index = copy.prices.firstIndex(where: { $0.key == key }) {
        copy.prices[index].value = value
        copy.prices[index].source = "overridden in the application file"
      }
    }
    return copy
  }

  static let fargate = "https://aws.amazon.com/fargate/pricing/"
  static let elb = "https://aws.amazon.com/elasticloadbalancing/pricing/"
  static let cloudMap = "https://aws.amazon.com/cloud-map/pricing/"
  static let route53 = "https://aws.amazon.com/route53/pricing/"
  static let lattice = "https://aws.amazon.com/vpc/lattice/pricing/"
  static let appMesh = "https://aws.amazon.com/app-mesh/pricing/"
  static let serviceConnect = "https://aws.amazon.com/ecs/pricing/"
  static let serviceConnectGuide =
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html"

  /// The standard table.
  public static let standard = PriceTable(prices: [
    Price(
      key: "fargateVCPUHour", value: 0.04048, unit: "per vCPU-hour (Linux/x86)", source: fargate),
    Price(
      key: "fargateGBHour", value: 0.004445, unit: "per GB-hour of task memory", source: fargate),
    Price(key: "albHour", value: 0.0225, unit: "per Application Load Balancer-hour", source: elb),
    Price(key: "albLCUHour", value: 0.008, unit: "per LCU-hour", source: elb),
    Price(
      key: "cloudMapResourceMonth", value: 0.10, unit: "per registered instance per month",
      source: cloudMap),
    Price(
      key: "hostedZoneMonth", value: 0.50,
      unit: "per private hosted zone per month (DNS namespaces)",
      source: route53),
    Price(
      key: "latticeServiceHour", value: 0.025, unit: "per VPC Lattice service-hour", source: lattice
    ),
    Price(
      key: "latticeGB", value: 0.025, unit: "per GB processed by a Lattice service", source: lattice
    ),
    Price(
      key: "latticeMillionRequests", value: 0.10,
      unit: "per million requests to a Lattice service (first 300,000 an hour free)",
      source: lattice),
    Price(
      key: "appMeshMonth", value: 0,
      unit: "App Mesh itself (no charge; you pay for the Envoy resources)",
      source: appMesh),
    Price(
      key: "serviceConnectMonth", value: 0,
      unit: "Service Connect itself (no charge; you pay for the proxy resources)",
      source: serviceConnect),
    Price(
      key: "envoyVCPU", value: 0.25, unit: "vCPU reserved per App Mesh Envoy sidecar (assumption)",
      source: "assumption: a common Envoy sizing; set it to what you run"),
    Price(
      key: "envoyGB", value: 0.5, unit: "GB reserved per App Mesh Envoy sidecar (assumption)",
      source: "assumption: a common Envoy sizing; set it to what you run"),
    Price(
      key: "serviceConnectVCPU", value: 0.25,
      unit: "vCPU added per task for the Service Connect proxy",
      source: serviceConnectGuide + " (recommends +256 CPU units)"),
    Price(
      key: "serviceConnectGB", value: 0.0625,
      unit: "GB added per task for the Service Connect proxy",
      source: serviceConnectGuide + " (recommends at least 64 MiB)"),
  ])
}
