/// A managed prefix list, such as `com.amazonaws.<region>.vpc-lattice`.
public struct PrefixList: Sendable {
  public var id: String
  public var name: String
  public var cidrs: [CIDRBlock]
}
