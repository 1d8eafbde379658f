import ScenarioFormat
import SimKernel

/// Deterministic ids, ARNs and DNS names for Lattice resources the scenario does not name.
enum LatticeIdentifiers {
  /// `<prefix>-0` followed by 16 hex digits of a stable hash: `svc-0a1b2c…` (17 hex digits, as AWS).
  static func id(_ prefix: String, _ key: String) -> String {
    "\(prefix)-0" + hex(StableHash.fnv1a64(key), digits: 16)
  }

  static func arn(_ document: ScenarioDocument, _ resource: String) -> String {
    "arn:\(partition(document.region)):vpc-lattice:\(document.region):\(document.accountID):\(resource)"
  }

  /// `<name>-<id digits>.<7 hex digits>.vpc-lattice-svcs.<region>.on.aws`.
  static func dnsName(service: String, id: String, region: String) -> String {
    let digits = id.split(separator: "-", maxSplits: 1).last.map(String.init) ?? id
    let partitionID = hex(StableHash.fnv1a64("partition/\(region)"), digits: 7)
    return "\(service)-\(digits).\(partitionID).vpc-lattice-svcs.\(region).on.aws"
  }

  static func partition(_ region: String) -> String {
    if region.hasPrefix("cn-") { return "aws-cn" }
    if region.hasPrefix("us-gov-") { return "aws-us-gov" }
    return "aws"
  }

  static func hex(_ value: UInt64, digits: Int) -> String {
    let text = String(value, radix: 16)
    let padded = String(repeating: "0", count: max(0, 16 - text.count)) + text
    return String(padded.prefix(digits))
  }
}
