/// A managed prefix list (`describe-managed-prefix-lists` plus its entries).
public struct PrefixListSpec: Sendable {
  public var prefixListID: String
  public var prefixListName: String?
  public var cidrs: [String]
  public var source: SourceRef
}
