import Foundation
import MeshSimCLI
import Testing

/// `Scenarios/workshop/README.md` shows commands and the output to expect; this runs every
/// command and checks the output, so the walkthrough cannot drift from what MeshSim prints.
///
/// A block opened with ```` ```console ```` (or more backticks, when the output itself holds a
/// fence) has `$ meshsim …` lines, each followed by its expected output; a line `…` stands for
/// any number of lines.
@Suite struct WorkshopTests {
  struct Step: CustomTestStringConvertible, Sendable {
    var command: [String]
    var expected: [String]
    var line: Int
    var testDescription: String { "line \(line): meshsim " + command.joined(separator: " ") }
  }

  static let readme = CompareFixtures.root.appendingPathComponent("Scenarios/workshop/README.md")

  static let steps: [Step] = {
    guard let text = try? String(contentsOf: readme, encoding: .utf8) else { return [] }
    var steps: [Step] = []
    var fence: String?  // the backticks that opened the current block
    var inConsole = false
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init
    ).enumerated() {
      let ticks = String(line.prefix { $0 == "`" })
      if let open = fence {
        if line == open {
          fence = nil
          continue
        }
      } else if ticks.count >= 3 {
        fence = ticks
        inConsole = line == ticks + "console"
        continue
      }
      guard fence != nil, inConsole else { continue }
      if line.hasPrefix("$ meshsim ") {
        let arguments = line.dropFirst("$ meshsim ".count).split(separator: " ").map(String.init)
        steps.append(Step(command: arguments, expected: [], line: number + 1))
      } else if !steps.isEmpty {
        steps[steps.count - 1].expected.append(line)
      }
    }
    return steps
  }()

  /// Whether `actual` lines match `expected`, where an expected `…` line matches any run of lines.
  static func matches(_ expected: ArraySlice<String>, _ actual: ArraySlice<String>) -> Bool {
    guard let first = expected.first else { return actual.isEmpty }
    if first == "…" {
      let rest = expected.dropFirst()
      return (0...actual.count).contains { matches(rest, actual.dropFirst($0)) }
    }
    guard let line = actual.first, line == first else { return false }
    return matches(expected.dropFirst(), actual.dropFirst())
  }

  static func trimmed(_ lines: [String]) -> [String] {
    var lines = lines.map { line in
      var copy = line
      while copy.last == " " { copy.removeLast() }
      return copy
    }
    while lines.last == "" { lines.removeLast() }
    return lines
  }

  @Test func theWalkthroughHasSteps() {
    #expect(Self.steps.count >= 8)
  }

  @Test(arguments: steps)
  func stepPrintsWhatTheWalkthroughShows(_ step: Step) {
    let root = CompareFixtures.root.path
    let arguments = step.command.map { $0.hasPrefix("Scenarios/") ? root + "/" + $0 : $0 }
    let console = Console(capturing: true)
    _ = MeshSimCommand.main(arguments, console: console)
    let actual = Self.trimmed(
      console.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(
        String.init))
    let expected = Self.trimmed(step.expected)
    #expect(
      Self.matches(expected[...], actual[...]), "actual output:\n\(actual.joined(separator: "\n"))")
  }
}
