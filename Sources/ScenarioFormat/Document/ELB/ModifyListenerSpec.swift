/// A `ModifyListener` body; absent fields stay as they are.
public struct ModifyListenerSpec: Sendable {
  public var listener: String
  public var `protocol`: ELBProtocol?
  public var port: Int?
  public var certificates: [String]?
  public var defaultActions: [ELBActionSpec]?
  public var source: SourceRef
}
