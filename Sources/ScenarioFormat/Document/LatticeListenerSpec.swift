/// A Lattice listener (`CreateListener`): a protocol and port on a service, with the default
/// action taken when no rule matches.
public struct LatticeListenerSpec: Sendable {
  public var service: String
  public var name: String
  /// `HTTP`, `HTTPS` or `TLS_PASSTHROUGH`; validated by the model.
  public var protocolName: String
  public var port: Int?
  public var defaultAction: LatticeRuleActionSpec?
  public var id: String?
  public var arn: String?
  public var source: SourceRef
}

/// A listener rule (`CreateRule`): a priority, an HTTP match and an action.
public struct LatticeRuleSpec: Sendable {
  /// `serviceIdentifier`; optional here because the listener already names its service.
  public var service: String?
  public var listener: String
  public var name: String
  public var priority: Int
  public var match: LatticeHTTPMatchSpec?
  public var action: LatticeRuleActionSpec?
  public var id: String?
  public var arn: String?
  public var source: SourceRef
}

/// A rule or default action: `{"forward": {"targetGroups": [...]}}` or
/// `{"fixedResponse": {"statusCode": 404}}`.
public enum LatticeRuleActionSpec: Sendable {
  case forward([LatticeWeightedTargetGroupSpec], source: SourceRef)
  case fixedResponse(statusCode: Int, source: SourceRef)
}

/// One `forward.targetGroups[]` entry.
public struct LatticeWeightedTargetGroupSpec: Sendable {
  public var targetGroup: String
  public var weight: Int?
  public var source: SourceRef
}

/// `match.httpMatch`: method, path and header conditions, all of which must hold.
public struct LatticeHTTPMatchSpec: Sendable {
  public var method: String?
  public var pathMatch: LatticePathMatchSpec?
  public var headerMatches: [LatticeHeaderMatchSpec]
  public var source: SourceRef

  public init(
    method: String?, pathMatch: LatticePathMatchSpec?, headerMatches: [LatticeHeaderMatchSpec],
    source: SourceRef
  ) {
    self.method = method
    self.pathMatch = pathMatch
    self.headerMatches = headerMatches
    self.source = source
  }
}

/// The three ways Lattice compares a path or header value.
public enum LatticeMatchKind: String, CaseIterable, Sendable {
  case exact, prefix, contains
}

/// `pathMatch`: exactly one of `match.exact` / `match.prefix`, and `caseSensitive`.
public struct LatticePathMatchSpec: Sendable {
  public var kind: LatticeMatchKind
  public var value: String
  public var caseSensitive: Bool?
  public var source: SourceRef

  public init(kind: LatticeMatchKind, value: String, caseSensitive: Bool?, source: SourceRef) {
    self.kind = kind
    self.value = value
    self.caseSensitive = caseSensitive
    self.source = source
  }
}

/// One `headerMatches[]` entry.
public struct LatticeHeaderMatchSpec: Sendable {
  public var name: String
  public var kind: LatticeMatchKind
  public var value: String
  public var caseSensitive: Bool?
  public var source: SourceRef

  public init(
    name: String, kind: LatticeMatchKind, value: String, caseSensitive: Bool?, source: SourceRef
  ) {
    self.name = name
    self.kind = kind
    self.value = value
    self.caseSensitive = caseSensitive
    self.source = source
  }
}
