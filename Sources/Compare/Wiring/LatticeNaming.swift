import SimKernel

/// VPC Lattice names for generated scenarios: service names in Lattice's alphabet and the
/// generated identifiers and DNS names, derived from stable hashes so runs are repeatable.
enum LatticeNaming {
  /// A valid Lattice service name (3–40 of a–z, 0–9 and single hyphens, not starting with
  /// `svc-`) from any name: lowercased, the first DNS label, other characters as hyphens.
  static func serviceName(_ raw: String) -> String {
    let label = raw.split(separator: ".").first.map(String.init) ?? raw
    var out = ""
    for scalar in label.lowercased().unicodeScalars {
      let allowed = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
      if allowed {
        out.unicodeScalars.append(scalar)
      } else if !out.isEmpty && out.last != "-" {
        out += "-"
      }
    }
    while out.hasSuffix("-") { out.removeLast() }
    if out.hasPrefix("svc-") { out = "s-" + out.dropFirst(4) }
    if out.count < 3 { out += out.isEmpty ? "service" : "-svc" }
    return String(out.prefix(40))
  }

  /// `svc-0` and 16 hex digits.
  static func serviceID(_ name: String, salt: String) -> String {
    let hex = String(StableHash.fnv1a64("lattice \(salt) \(name)"), radix: 16)
    return "svc-0" + String(repeating: "0", count: max(0, 16 - hex.count)) + hex
  }

  /// `<name>-<id>.<partition>.vpc-lattice-svcs.<region>.on.aws`.
  static func dnsName(_ name: String, salt: String, region: String) -> String {
    let id = String(serviceID(name, salt: salt).dropFirst(4))
    let partition = String(String(StableHash.fnv1a64("partition \(salt)"), radix: 16).prefix(7))
    return "\(name)-\(id).\(partition).vpc-lattice-svcs.\(region).on.aws"
  }
}
