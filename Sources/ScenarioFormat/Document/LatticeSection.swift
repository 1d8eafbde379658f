/// The `lattice` section (being built; see the Lattice issue).
public struct LatticeSection: Sendable {
  public init() {}
}

/// An API call event on the `lattice` section.
public enum LatticeCallSpec: Sendable {}
