/// `PutAuthPolicy`: an IAM-style resource policy on a service network or a service.
///
/// `policy` may be written as a JSON string (as the API takes it) or as an object; either way
/// `document` is the parsed policy, with positions inside the scenario file.
public struct LatticeAuthPolicySpec: Sendable {
  public var resource: String
  public var document: JSONNode
  public var source: SourceRef
}
