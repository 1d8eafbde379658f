extension RequestCondition {
  /// Whether every request satisfying this condition also satisfies `other`.
  ///
  /// A conservative static analysis (no false positives): `true` only when provable from the
  /// structure — `other` is `always`; the conditions are equal; each part of an `allOf` is
  /// implied; some part of an own `allOf` implies `other`; every own `anyOf` branch implies it;
  /// or two leaves of the same kind are related (path prefix `/api/v1` ⇒ prefix `/api`, wildcard
  /// `/*` accepts any path starting with `/`, header `x: exact 'a'` ⇒ header `x` present, methods
  /// a subset, CIDR blocks nested, …). `false` means "not proved".
  public func implies(_ other: RequestCondition) -> Bool {
    if self == other { return true }
    if case .always = other { return true }
    if case .allOf(let required) = other {
      return required.allSatisfy { implies($0) }
    }
    if case .anyOf(let branches) = self {
      return branches.allSatisfy { $0.implies(other) }
    }
    if case .allOf(let parts) = self, parts.contains(where: { $0.implies(other) }) {
      return true
    }
    if case .anyOf(let options) = other, options.contains(where: { implies($0) }) {
      return true
    }
    return leafImplies(other)
  }

  private func leafImplies(_ other: RequestCondition) -> Bool {
    switch (self, other) {
    case (.path(let own), .path(let required)):
      return own.implies(required)
    case (.host(let own), .host(let required)):
      return own.implies(required)
    case (.method(let own), .method(let allowed)):
      return own.allSatisfy { allowed.contains($0) }
    case (
      .header(let ownName, let ownMatch, let ownInvert), .header(let name, let match, let invert)
    ):
      guard HTTPHeaders.sameName(ownName, name) else { return false }
      return Self.headerImplies(ownMatch, ownInvert, match, invert)
    case (.query(_?, let ownMatch), .query(nil, let match)),
      (.queryNameIgnoringCase(_, let ownMatch), .query(nil, let match)):
      // A named parameter with a matching value is some parameter with that value.
      return Self.valueImplies(ownMatch, match)
    case (.query(nil, let ownMatch?), .query(nil, let match)):
      return Self.valueImplies(ownMatch, match)
    case (.query(let ownName?, let ownMatch), .query(let name?, let match)):
      return ownName == name && Self.valueImplies(ownMatch, match)
    case (
      .queryNameIgnoringCase(let ownName, let ownMatch), .queryNameIgnoringCase(let name, let match)
    ):
      return ASCIICaseFolding.equal(ownName, name, caseSensitive: false)
        && Self.valueImplies(ownMatch, match)
    case (.query(let ownName?, _), .queryNameIgnoringCase(let name, nil)):
      // Only presence carries over: the first parameter named case-insensitively may be another.
      return ASCIICaseFolding.equal(ownName, name, caseSensitive: false)
    case (.sourceAddress(let own), .sourceAddress(let allowed)):
      return own.allSatisfy { block in allowed.contains { $0.contains(block) } }
    case (.not(let own), .not(let required)):
      return required.implies(own)
    default:
      return false
    }
  }

  /// A present-with-value test implies a present test; otherwise the value matchers must nest.
  private static func valueImplies(_ own: StringMatch?, _ required: StringMatch?) -> Bool {
    guard let required else { return true }
    guard let own else { return false }
    return own.implies(required)
  }

  private static func headerImplies(
    _ ownMatch: StringMatch?, _ ownInvert: Bool, _ match: StringMatch?, _ invert: Bool
  ) -> Bool {
    switch (ownMatch, ownInvert, match, invert) {
    case (_, _, nil, false):
      // Present is implied by every test except "absent" (an inverted value test still needs
      // the header, as in Envoy).
      return !(ownMatch == nil && ownInvert)
    case (let own?, false, let required?, false):
      return own.implies(required)
    case (let own?, true, let required?, true):
      // not own ⇒ not required  ⇔  required ⇒ own.
      return required.implies(own)
    default:
      return false
    }
  }
}
