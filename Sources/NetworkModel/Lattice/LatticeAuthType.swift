/// `NONE` (no auth, the default) or `AWS_IAM` (requests must be allowed by the auth policy).
public enum LatticeAuthType: String, CaseIterable, Sendable {
  case none = "NONE"
  case awsIAM = "AWS_IAM"
}
