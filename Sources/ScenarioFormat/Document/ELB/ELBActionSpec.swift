/// One `Action` of a rule or a listener's `DefaultActions`.
///
/// `forward` takes a single `TargetGroupArn` or a `ForwardConfig` with weighted target groups;
/// `fixed-response` and `redirect` answer from the load balancer itself. Authentication actions
/// are decoded so the model builder can say they are not modelled.
public struct ELBActionSpec: Sendable {
  /// `Type`.
  public enum ActionType: String, CaseIterable, Sendable {
    case forward
    case fixedResponse = "fixed-response"
    case redirect
    case authenticateOIDC = "authenticate-oidc"
    case authenticateCognito = "authenticate-cognito"
    case jwtValidation = "jwt-validation"
  }
  /// One `ForwardConfig.TargetGroups` entry.
  public struct WeightedTargetGroup: Sendable {
    public var targetGroup: String
    public var weight: Int?
    public var source: SourceRef
  }
  /// `forward`: `TargetGroupArn` and/or `ForwardConfig`.
  public struct Forward: Sendable {
    public var targetGroupArn: String?
    public var targetGroups: [WeightedTargetGroup]
    public var stickinessEnabled: Bool
    public var stickinessDurationSeconds: Int?
  }
  /// `FixedResponseConfig`.
  public struct FixedResponse: Sendable {
    public var statusCode: String
    public var contentType: String?
    public var messageBody: String?
  }
  /// `RedirectConfig`; absent parts keep their `#{…}` defaults.
  public struct Redirect: Sendable {
    public var `protocol`: String?
    public var port: String?
    public var host: String?
    public var path: String?
    public var query: String?
    public var statusCode: String
  }
  /// The action by its `Type`, with that type's configuration.
  public enum Kind: Sendable {
    case forward(Forward)
    case fixedResponse(FixedResponse)
    case redirect(Redirect)
    /// An action MeshSim does not model (authentication); the type as written.
    case unsupported(ActionType)
  }
  public var order: Int?
  public var kind: Kind
  public var source: SourceRef
}
