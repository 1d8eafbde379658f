/// A `RegisterTargets` / `DeregisterTargets` body.
public struct TargetRegistrationSpec: Sendable {
  /// One `TargetDescription`: an IP address (`ip` target groups), its port and zone.
  public struct Target: Sendable {
    public var id: String
    public var port: Int?
    public var availabilityZone: String?
    public var source: SourceRef
  }
  public var targetGroup: String
  public var targets: [Target]
  public var source: SourceRef
}
