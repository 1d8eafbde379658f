/// The `elb` section (being built; see the ELB issue).
public struct ELBSection: Sendable {
  public init() {}
}

/// An API call event on the `elb` section.
public enum ELBCallSpec: Sendable {}
