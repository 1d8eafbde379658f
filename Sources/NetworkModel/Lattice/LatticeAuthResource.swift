/// Where an auth policy is attached: a service network or a service (by index).
public enum LatticeAuthResource: Sendable, Equatable {
  case serviceNetwork(Int)
  case service(Int)
}
