/// What each wiring can express of each ``Feature``, with the reason and where AWS says so
/// (source keys of `aws-behaviour.md`, §0).
public enum FeatureSupport {
  public enum Level: String, Sendable {
    case yes, partly, no
  }
  public struct Entry: Sendable {
    public var level: Level
    public var note: String
    public var source: String
  }

  public static func entry(_ feature: Feature, _ option: WiringOption) -> Entry {
    switch (feature, option) {
    case (.weightedRouting, .cloudMap):
      Entry(
        level: .no,
        note: "DNS answers spread by task count; an ALB can weight target groups at the entry only",
        source: "R53-MV, ALB-LST")
    case (.weightedRouting, .appMesh):
      Entry(level: .yes, note: "route weightedTargets between virtual nodes", source: "AM-ROUTES")
    case (.weightedRouting, .serviceConnect):
      Entry(
        level: .no,
        note: "one ECS service per name; AWS lists version weighting as lost when migrating",
        source: "AM-EOL-SUM, BC-ECS")
    case (.weightedRouting, .lattice):
      Entry(
        level: .yes, note: "forward actions weight up to 10 target groups",
        source: "BC-VL, VL-RULES")
    case (.headerRouting, .cloudMap):
      Entry(
        level: .no, note: "DNS sees no headers; ALB header conditions at the entry only",
        source: "ALB-LST")
    case (.headerRouting, .appMesh):
      Entry(level: .yes, note: "route header matches", source: "AM-ROUTES")
    case (.headerRouting, .serviceConnect):
      Entry(level: .no, note: "only blue/green test-traffic header rules", source: "BC-ECS")
    case (.headerRouting, .lattice):
      Entry(level: .yes, note: "listener rules match up to 5 headers", source: "BC-VL")
    case (.retries, .cloudMap):
      Entry(level: .no, note: "the application must retry", source: "CM-SVC")
    case (.retries, .appMesh):
      Entry(
        level: .yes, note: "route retryPolicy (events, count, per-try timeout)", source: "AM-ROUTES"
      )
    case (.retries, .serviceConnect):
      Entry(
        level: .partly, note: "built in: twice on connection failure or 503, not configurable",
        source: "CR-1963")
    case (.retries, .lattice):
      Entry(level: .no, note: "no retry settings; the application must retry", source: "BC-VL")
    case (.outlierDetection, .cloudMap):
      Entry(level: .no, note: "only health checks that deregister instances", source: "CM-SVC")
    case (.outlierDetection, .appMesh):
      Entry(
        level: .yes, note: "virtual node outlierDetection (ejections, interval)", source: "AM-VN")
    case (.outlierDetection, .serviceConnect):
      Entry(level: .partly, note: "built in and passive, not configurable", source: "AM-EOL-SUM")
    case (.outlierDetection, .lattice):
      Entry(level: .no, note: "target group health checks only", source: "VL-HC")
    case (.auth, .cloudMap):
      Entry(
        level: .no, note: "security groups decide reachability, not per-request identity",
        source: "VPC-SG")
    case (.auth, .appMesh):
      Entry(
        level: .partly, note: "mTLS client certificates (SAN checks), no request-level policies",
        source: "AM-MTLS")
    case (.auth, .serviceConnect):
      Entry(level: .no, note: "no request authorization", source: "ECS-SC")
    case (.auth, .lattice):
      Entry(
        level: .yes, note: "IAM auth policies on the network and on each service (SigV4)",
        source: "VL-AUTH")
    case (.mTLS, .cloudMap):
      Entry(level: .no, note: "TLS is up to the application", source: "CM-SVC")
    case (.mTLS, .appMesh):
      Entry(
        level: .yes, note: "listener and backend TLS with client certificate validation",
        source: "AM-MTLS")
    case (.mTLS, .serviceConnect):
      Entry(
        level: .no, note: "TLS via AWS Private CA between proxies, not mutual",
        source: "BC-ECS, AM-EOL-SUM")
    case (.mTLS, .lattice):
      Entry(
        level: .no, note: "HTTPS listeners; callers prove identity with SigV4 instead",
        source: "VL-TLS, VL-AUTH")
    case (.crossVPC, .cloudMap):
      Entry(
        level: .partly,
        note: "needs peering or a transit gateway and the namespace's zone in each VPC",
        source: "CM-NS")
    case (.crossVPC, .appMesh):
      Entry(level: .partly, note: "needs network connectivity between the VPCs", source: "AM-MESH")
    case (.crossVPC, .serviceConnect):
      Entry(
        level: .partly, note: "a namespace spans VPCs, but the VPCs still need peering or routes",
        source: "ECS-SC")
    case (.crossVPC, .lattice):
      Entry(
        level: .yes, note: "any VPC associated with the service network reaches it, no peering",
        source: "VL-SN")
    }
  }
}
