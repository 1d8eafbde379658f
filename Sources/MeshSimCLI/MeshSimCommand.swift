import Foundation

/// The `meshsim` command line: a table of subcommands, each a type with its own help.
public enum MeshSimCommand {
  public static let version = "0.1.0"

  static let commands: [any Subcommand.Type] = [
    RunCommand.self, CheckCommand.self, TestCommand.self, ExplainCommand.self, CompareCommand.self, MigrateCommand.self,
    GenerateCommand.self, BenchCommand.self,
  ]

  static var overview: String {
    """
    meshsim \(version) — where will a request end up? A deterministic discrete-event simulator of
    service-to-service networking on AWS (VPCs, security groups, Cloud Map DNS, ECS, ALB/NLB,
    App Mesh, Service Connect, VPC Lattice).

    USAGE: meshsim <command> [options]

    COMMANDS:
    \(commands.map { "  " + $0.name.padding(toLength: 9, withPad: " ", startingAt: 0) + $0.abstract }.joined(separator: "\n"))

    Run 'meshsim <command> --help' for a command's options.
    EXIT STATUS: 0 success · 1 an expectation failed · 64 usage error · 65 invalid scenario
    """
  }

  /// Runs the command line (without the program name) and returns the exit status.
  public static func main(_ arguments: [String], console: Console = Console()) -> Int32 {
    guard let first = arguments.first else {
      console.err(overview + "\n")
      return ExitStatus.usage.code
    }
    switch first {
    case "--help", "-h", "help":
      console.out(overview + "\n")
      return ExitStatus.success.code
    case "--version":
      console.out("meshsim \(version)\n")
      return ExitStatus.success.code
    default: break
    }
    guard let command = commands.first(where: { $0.name == first }) else {
      let suggestion = closest(first, commands.map { $0.name }).map { " (did you mean '\($0)'?)" } ?? ""
      console.err("error: unknown command '\(first)'\(suggestion)\n\n" + overview + "\n")
      return ExitStatus.usage.code
    }
    let rest = Array(arguments.dropFirst())
    do {
      let scanner = try ArgumentScanner(rest, options: command.options + [.init(name: "help", takesValue: false)])
      if scanner.flags.contains("help") {
        console.out(command.help + "\n")
        return ExitStatus.success.code
      }
      return try command.execute(scanner, console: console).code
    } catch let error as UsageError {
      console.err("error: \(error.message)\n\(command.usage)\nhelp: meshsim \(command.name) --help\n")
      return ExitStatus.usage.code
    } catch {
      console.err("error: \(error)\n")
      return ExitStatus.ioError.code
    }
  }
}

/// One `meshsim` subcommand.
protocol Subcommand {
  static var name: String { get }
  static var abstract: String { get }
  static var usage: String { get }
  static var help: String { get }
  static var options: [ArgumentScanner.Option] { get }
  static func execute(_ arguments: ArgumentScanner, console: Console) throws -> ExitStatus
}

/// Writes a file atomically (never a half-written file).
func writeFile(_ text: String, to path: String) throws {
  do {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
  } catch {
    throw UsageError("cannot write '\(path)': \(error.localizedDescription)")
  }
}
