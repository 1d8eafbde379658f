import Foundation

/// Where command output goes: stdout for results, stderr for diagnostics. Tests capture both.
public final class Console: @unchecked Sendable {
  public private(set) var standardOutput = ""
  public private(set) var standardError = ""
  let capturing: Bool
  /// Whether stdout is a terminal (colour allowed).
  public let isTerminal: Bool

  public init(capturing: Bool = false) {
    self.capturing = capturing
    self.isTerminal = !capturing && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
  }

  public func out(_ text: String) {
    if capturing { standardOutput += text } else { FileHandle.standardOutput.write(Data(text.utf8)) }
  }

  public func err(_ text: String) {
    if capturing { standardError += text } else { FileHandle.standardError.write(Data(text.utf8)) }
  }
}
