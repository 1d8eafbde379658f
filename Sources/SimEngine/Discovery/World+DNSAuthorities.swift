extension World {
  /// The first answer any DNS authority gives for `name` asked from `vpc` (nil: outside every
  /// VPC), in `dnsAuthorities` order; nil when no authority owns the name. Bypasses hosts files
  /// and caches: this is what a resolver (the VPC's, or an Envoy's own) learns on a miss.
  public func authoritativeAnswer(_ name: String, fromVPC vpc: Int?, asker: Int32) -> DNSAnswer? {
    for authority in dnsAuthorities {
      if let answer = authority.answer(name, fromVPC: vpc, asker: asker, in: self) { return answer }
    }
    return nil
  }
}
