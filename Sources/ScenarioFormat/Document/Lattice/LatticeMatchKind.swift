/// The three ways Lattice compares a path or header value.
public enum LatticeMatchKind: String, CaseIterable, Sendable {
  case exact, prefix, contains
}
