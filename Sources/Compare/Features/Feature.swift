/// A capability a team may need from service-to-service networking, which the four wirings
/// support to different degrees (see ``FeatureSupport``).
public enum Feature: String, Sendable, CaseIterable {
  case weightedRouting
  case headerRouting
  case retries
  case outlierDetection
  case auth
  case mTLS
  case crossVPC

  /// Words for reports.
  public var title: String {
    switch self {
    case .weightedRouting: "weighted routing between versions"
    case .headerRouting: "routing by request header"
    case .retries: "configurable retries"
    case .outlierDetection: "outlier detection (ejecting failing tasks)"
    case .auth: "request authorization (who may call whom)"
    case .mTLS: "mutual TLS between services"
    case .crossVPC: "reaching services in other VPCs without peering"
    }
  }
}
