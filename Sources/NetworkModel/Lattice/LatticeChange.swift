import ScenarioFormat

/// A resolved `lattice` call event: what the engine changes when the event fires.
///
/// Keyed by the call body's source (`LatticeCallSpec.source`), so the engine's service-call
/// handler finds the validated version of the call it receives.
public struct LatticeChange: Sendable {
  /// What the call changes in the live configuration.
  public enum Kind: Sendable {
    /// `UpdateRule`: the rule at `rule` (index in the listener's priority order at the start)
    /// becomes this one; the listener re-sorts by priority.
    case setRule(listener: Int, rule: Int, LatticeRule)
    /// `UpdateListener`: a new default action.
    case setDefaultAction(listener: Int, LatticeRuleAction)
    /// `PutAuthPolicy` (a policy) or `DeleteAuthPolicy` (nil).
    case setAuthPolicy(LatticeAuthResource, LatticeAuthPolicy?)
    /// `UpdateService` / `UpdateServiceNetwork` with a new `authType`.
    case setAuthType(LatticeAuthResource, LatticeAuthType)
    /// Create (true) or delete (false) a VPC association (index).
    case setVPCAssociation(Int, active: Bool)
    /// Create (true) or delete (false) a service association (index).
    case setServiceAssociation(Int, active: Bool)
  }
  public var kind: Kind
  /// One line for the timeline: `UpdateRule 'api' on listener 'http-80': priority 5`.
  public var summary: String
  public var source: SourceRef

  public init(kind: Kind, summary: String, source: SourceRef) {
    self.kind = kind
    self.summary = summary
    self.source = source
  }
}
