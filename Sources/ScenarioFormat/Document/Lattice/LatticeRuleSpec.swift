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
