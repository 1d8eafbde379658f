/// The process exit statuses of the contract.
public struct ExitStatus: Equatable, Sendable {
  public let code: Int32
  public static let success = ExitStatus(code: 0)
  /// A scenario ran but an expectation failed.
  public static let expectationFailed = ExitStatus(code: 1)
  /// Bad command line (EX_USAGE).
  public static let usage = ExitStatus(code: 64)
  /// Invalid scenario: every problem reported, nothing simulated (EX_DATAERR).
  public static let invalidScenario = ExitStatus(code: 65)
  /// MeshSim generated something invalid — a bug to report (EX_SOFTWARE).
  public static let internalError = ExitStatus(code: 70)
  /// A file could not be read or written (EX_IOERR).
  public static let ioError = ExitStatus(code: 74)
}
