/// An authenticated IAM identity: an account root, a user, a role (signing through one of its
/// sessions) or an assumed-role session.
public struct LatticePrincipal: Sendable, Equatable {
  /// The identity as written (or the account root ARN for a bare account id).
  public var arn: String
  public var account: String
  /// `aws:PrincipalArn`: the role ARN for role sessions, otherwise `arn`.
  public var principalArn: String
  /// `aws:PrincipalType`: `Account`, `User` or `AssumedRole`.
  public var type: String

  public init(arn: String, account: String, principalArn: String, type: String) {
    self.arn = arn
    self.account = account
    self.principalArn = principalArn
    self.type = type
  }

  /// Parses `111111111111`, `arn:aws:iam::111111111111:root`, `…:user/name`, `…:role/name` or
  /// `arn:aws:sts::111111111111:assumed-role/name/session`; nil for anything else.
  public static func parse(_ text: String) -> LatticePrincipal? {
    if isAccountID(text) {
      return LatticePrincipal(
        arn: "arn:aws:iam::\(text):root", account: text,
        principalArn: "arn:aws:iam::\(text):root", type: "Account")
    }
    let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    guard parts.count == 6, parts[0] == "arn", parts[3].isEmpty, isAccountID(String(parts[4]))
    else { return nil }
    let partition = parts[1]
    let account = String(parts[4])
    let resource = parts[5]
    switch parts[2] {
    case "iam":
      if resource == "root" {
        return LatticePrincipal(arn: text, account: account, principalArn: text, type: "Account")
      }
      if resource.hasPrefix("role/"), resource.count > 5 {
        return LatticePrincipal(
          arn: text, account: account, principalArn: text, type: "AssumedRole")
      }
      if resource.hasPrefix("user/"), resource.count > 5 {
        return LatticePrincipal(arn: text, account: account, principalArn: text, type: "User")
      }
      return nil
    case "sts":
      let pieces = resource.split(separator: "/")
      guard pieces.count >= 3, pieces[0] == "assumed-role" else { return nil }
      let role = "arn:\(partition):iam::\(account):role/\(pieces[1])"
      return LatticePrincipal(arn: text, account: account, principalArn: role, type: "AssumedRole")
    default:
      return nil
    }
  }

  /// Whether a policy's `Principal` entry names this identity: its account (id or root ARN),
  /// its role, user or session ARN.
  public func isNamed(by entry: String) -> Bool {
    if LatticePrincipal.isAccountID(entry) { return entry == account }
    if entry.hasSuffix(":root"), let root = LatticePrincipal.parse(entry) {
      return root.account == account
    }
    return entry == arn || entry == principalArn
  }

  /// Whether `text` is a 12-digit AWS account id.
  public static func isAccountID(_ text: String) -> Bool {
    text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }
}
