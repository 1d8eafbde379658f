import Dispatch
import Foundation
import NetworkModel
import SimEngine

/// `meshsim test`: run every scenario and check its `expect` block; a scenario with a sibling
/// `<name>.expected-diagnostics.txt` is a negative test whose diagnostics must match exactly.
enum TestCommand: Subcommand {
  static let name = "test"
  static let abstract = "run scenarios as tests (their expectations, or expected diagnostics)"
  static let usage = "usage: meshsim test <file-or-folder>... [--junit PATH] [--seed N]"
  static var help: String {
    """
    \(abstract).

    \(usage)

    Folders are searched recursively for *.json scenarios (sorted by path). A scenario passes
    when it is valid and all its expectations hold. A scenario next to a file
    <name>.expected-diagnostics.txt is a negative test: it passes when MeshSim reports exactly
    those diagnostics. Scenarios run in parallel; output order is always the same.

    OPTIONS:
      --junit PATH   also write a JUnit XML report
      --seed N       run every scenario with this seed instead of its own

    Exits 0 when all pass, 1 when any fails.
    """
  }
  static let options: [ArgumentScanner.Option] = [.init(name: "junit", takesValue: true), .init(name: "seed", takesValue: true)]

  struct Outcome: Sendable {
    var path: String
    var passed: Bool
    var summary: String
    var details: [String]
  }

  static func execute(_ arguments: ArgumentScanner, console: Console) throws -> ExitStatus {
    guard !arguments.positionals.isEmpty else { throw UsageError("test needs at least one file or folder") }
    let seed = try arguments.integer("seed", range: 0...Int.max).map { UInt64($0) }
    var files: [String] = []
    for path in arguments.positionals {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw UsageError("no such file or folder '\(path)'")
      }
      files += (isDirectory.boolValue ? scenarios(in: path) : [path]).map(displayPath)
    }
    let outcomes = runAll(files, seed: seed)
    for outcome in outcomes {
      console.out("\(outcome.passed ? "PASS" : "FAIL") \(outcome.path) — \(outcome.summary)\n")
      if !outcome.passed { for line in outcome.details { console.out("     \(line)\n") } }
    }
    let failed = outcomes.filter { !$0.passed }.count
    console.out("\n\(outcomes.count - failed) passed, \(failed) failed\n")
    if let path = arguments.values["junit"] { try writeFile(junit(outcomes), to: path) }
    return failed == 0 ? .success : .expectationFailed
  }

  static func scenarios(in folder: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    var found: [String] = []
    while let entry = enumerator.nextObject() as? String {
      if entry.hasSuffix(".json") && !entry.hasSuffix(".expected.json") { found.append(folder + "/" + entry) }
    }
    return found.sorted()
  }

  /// The path as diagnostics name it, the same however the folder was written: without `./`
  /// or doubled slashes, and relative to the working directory when it lies inside it — so
  /// `*.expected-diagnostics.txt` files can hold relative paths.
  static func displayPath(_ path: String) -> String {
    var parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }.map(String.init)
    let isAbsolute = path.hasPrefix("/")
    if isAbsolute {
      let base = FileManager.default.currentDirectoryPath.split(separator: "/").map(String.init)
      if parts.count > base.count && Array(parts.prefix(base.count)) == base {
        parts.removeFirst(base.count)
        return parts.joined(separator: "/")
      }
      return "/" + parts.joined(separator: "/")
    }
    return parts.joined(separator: "/")
  }

  /// Runs the scenarios in parallel (independent runs share nothing) and returns them in order.
  static func runAll(_ files: [String], seed: UInt64?) -> [Outcome] {
    let slots = OutcomeSlots(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      slots.set(index, runOne(files[index], seed: seed))
    }
    return slots.values
  }

  static func runOne(_ path: String, seed: UInt64?) -> Outcome {
    if let outcome = ApplicationTest.run(path, seed: seed) { return outcome }
    let loaded = ScenarioLoader.load(path)
    let expectedPath = String(path.dropLast(".json".count)) + ".expected-diagnostics.txt"
    if let expected = try? String(contentsOfFile: expectedPath, encoding: .utf8) {
      let actual = ScenarioLoader.render(loaded)
      if actual == expected {
        return Outcome(path: path, passed: true, summary: "diagnostics as expected (\(plural(loaded.diagnostics.errorCount, "error")))", details: [])
      }
      return Outcome(path: path, passed: false, summary: "diagnostics differ from \(expectedPath)",
                     details: ["expected:"] + expected.split(separator: "\n").map(String.init) + ["actual:"] + actual.split(separator: "\n").map(String.init))
    }
    guard let model = loaded.model else {
      return Outcome(path: path, passed: false, summary: "invalid scenario (\(plural(loaded.diagnostics.errorCount, "error")))",
                     details: ScenarioLoader.render(loaded).split(separator: "\n").map(String.init))
    }
    let result = SimulationRun.run(model, options: .init(seed: seed, traces: .none))
    let failed = result.expectations.filter { !$0.passed }
    if result.expectations.isEmpty {
      return Outcome(path: path, passed: true, summary: "ran (no expectations)", details: [])
    }
    return Outcome(path: path, passed: failed.isEmpty,
                   summary: "\(result.expectations.count - failed.count)/\(result.expectations.count) expectations",
                   details: failed.map { "\($0.name): \($0.detail)" })
  }

  static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

  static func junit(_ outcomes: [Outcome]) -> String {
    func escape(_ text: String) -> String {
      text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
    let failures = outcomes.filter { !$0.passed }.count
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"meshsim\" tests=\"\(outcomes.count)\" failures=\"\(failures)\">\n"
    xml += "  <testsuite name=\"scenarios\" tests=\"\(outcomes.count)\" failures=\"\(failures)\">\n"
    for outcome in outcomes {
      xml += "    <testcase classname=\"scenarios\" name=\"\(escape(outcome.path))\">"
      if !outcome.passed {
        xml += "\n      <failure message=\"\(escape(outcome.summary))\">\(escape(outcome.details.joined(separator: "\n")))</failure>\n    "
      }
      xml += "</testcase>\n"
    }
    return xml + "  </testsuite>\n</testsuites>\n"
  }
}

/// Result slots written from parallel runs, one slot per scenario.
final class OutcomeSlots: @unchecked Sendable {
  private var storage: [TestCommand.Outcome?]
  private let lock = NSLock()
  init(count: Int) { storage = Array(repeating: nil, count: count) }
  func set(_ index: Int, _ value: TestCommand.Outcome) { lock.lock(); storage[index] = value; lock.unlock() }
  var values: [TestCommand.Outcome] { storage.compactMap { $0 } }
}
