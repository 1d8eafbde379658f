/// A condition key VPC Lattice auth policies can test (Service Authorization Reference,
/// "Condition keys for Amazon VPC Lattice Services"; IAM global keys).
///
/// Keys are case-insensitive; header names inside `RequestHeader/<name>` are too.
public enum LatticeConditionKey: Sendable, Hashable {
  case principalAccount
  case principalType
  case principalArn
  case sourceVPC
  case sourceVPCOwnerAccount
  case requestMethod
  case requestPath
  case requestHeader(String)
  case requestQueryString(String)
  case port
  case serviceArn
  case serviceNetworkArn

  /// The key as policies spell it.
  public var name: String {
    switch self {
    case .principalAccount: "aws:PrincipalAccount"
    case .principalType: "aws:PrincipalType"
    case .principalArn: "aws:PrincipalArn"
    case .sourceVPC: "vpc-lattice-svcs:SourceVpc"
    case .sourceVPCOwnerAccount: "vpc-lattice-svcs:SourceVpcOwnerAccount"
    case .requestMethod: "vpc-lattice-svcs:RequestMethod"
    case .requestPath: "vpc-lattice-svcs:RequestPath"
    case .requestHeader(let header): "vpc-lattice-svcs:RequestHeader/\(header)"
    case .requestQueryString(let key): "vpc-lattice-svcs:RequestQueryString/\(key)"
    case .port: "vpc-lattice-svcs:Port"
    case .serviceArn: "vpc-lattice-svcs:ServiceArn"
    case .serviceNetworkArn: "vpc-lattice-svcs:ServiceNetworkArn"
    }
  }

  /// Keys without a parameter, for did-you-mean suggestions.
  public static let simpleKeys: [LatticeConditionKey] = [
    .principalAccount, .principalType, .principalArn, .sourceVPC, .sourceVPCOwnerAccount,
    .requestMethod,
    .requestPath, .port, .serviceArn, .serviceNetworkArn,
  ]

  /// Every spelling a suggestion may offer, including the parameterised forms.
  public static var knownNames: [String] {
    simpleKeys.map(\.name) + [
      "vpc-lattice-svcs:RequestHeader/<name>", "vpc-lattice-svcs:RequestQueryString/<key>",
    ]
  }

  /// Parses a key case-insensitively; nil when Lattice has no such key (or MeshSim does not model it).
  public static func parse(_ text: String) -> LatticeConditionKey? {
    let lowered = text.lowercased()
    for key in simpleKeys where key.name.lowercased() == lowered { return key }
    let headerPrefix = "vpc-lattice-svcs:requestheader/"
    if lowered.hasPrefix(headerPrefix), lowered.count > headerPrefix.count {
      return .requestHeader(String(text.dropFirst(headerPrefix.count)).lowercased())
    }
    let queryPrefix = "vpc-lattice-svcs:requestquerystring/"
    if lowered.hasPrefix(queryPrefix), lowered.count > queryPrefix.count {
      return .requestQueryString(String(text.dropFirst(queryPrefix.count)))
    }
    return nil
  }
}
