/// The TLS shapes of App Mesh: listener TLS (`ListenerTls`), client policies (`ClientPolicyTls`),
/// validation contexts, certificates and trust (AWS behaviour §1.9).
///
/// Unions (`certificate`, `trust`) keep every member written so that the model builder reports
/// "exactly one of" violations with positions.
public enum MeshTLSSpec {
  /// `ListenerTls.mode`.
  public enum Mode: String, CaseIterable, Sendable {
    case strict = "STRICT"
    case permissive = "PERMISSIVE"
    case disabled = "DISABLED"
  }

  /// A certificate reference: `acm.certificateArn`, `file.certificateChain` or `sds.secretName`.
  public enum Certificate: Sendable, Equatable {
    case acm(String)
    case file(String)
    case sds(String)

    /// How explanations name it: `file /keys/a.pem`.
    public var label: String {
      switch self {
      case .acm(let arn): "ACM certificate \(arn)"
      case .file(let path): "file \(path)"
      case .sds(let name): "SDS secret \(name)"
      }
    }
  }

  /// A trust anchor: `acm.certificateAuthorityArns`, `file.certificateChain` or `sds.secretName`.
  public enum Trust: Sendable, Equatable {
    case acm([String])
    case file(String)
    case sds(String)
  }

  /// `validation`: trust (required) and optional `subjectAlternativeNames.match.exact`.
  public struct Validation: Sendable {
    public var trusts: [Trust]
    public var subjectAlternativeNames: [String]?
    public var source: SourceRef
  }

  /// Listener `tls`: `mode`, `certificate` (required), optional `validation` (mTLS).
  public struct Listener: Sendable {
    public var mode: Mode?
    public var certificates: [Certificate]
    public var validation: Validation?
    public var source: SourceRef
  }

  /// `clientPolicy.tls`: `enforce` (default true), `ports`, `validation` (required) and an
  /// optional client `certificate` for mTLS (file or SDS only).
  public struct ClientPolicy: Sendable {
    public var enforce: Bool
    public var ports: [Int]
    public var validation: Validation?
    public var certificates: [Certificate]
    public var source: SourceRef
  }
}
