import Foundation
import MeshSimCLI
import NetworkModel
import Reports
import SimEngine
import Testing

/// Same scenario and seed ⇒ the same run, byte for byte: twice in one process, and in two
/// separate `meshsim` processes (each with its own hash seed). Different seeds may change which
/// task answers, never the shape of the run.
@Suite struct DeterminismTests {
  static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  static let scenarios: [String] = {
    let folder = root + "/Scenarios"
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    var found: [String] = []
    while let entry = enumerator.nextObject() as? String {
      if entry.hasSuffix(".json") && !entry.hasSuffix(".expected.json") && !entry.hasPrefix("invalid/") && !entry.hasPrefix("bench/")
        && !entry.hasPrefix("compare/")  // application files for `meshsim compare`, not scenarios
      {
        found.append("Scenarios/" + entry)
      }
    }
    return found.sorted()
  }()

  static func model(_ relative: String) throws -> NetworkModel {
    let loaded = ScenarioLoader.load(root + "/" + relative)
    return try #require(loaded.model, "\(ScenarioLoader.render(loaded))")
  }

  @Test(arguments: scenarios)
  func sameSeedTwiceInProcessGivesIdenticalRuns(_ relative: String) throws {
    let model = try Self.model(relative)
    let first = SimulationRun.run(model, options: .init(traces: .first(3)))
    let second = SimulationRun.run(model, options: .init(traces: .first(3)))
    #expect(first.fingerprint == second.fingerprint)
    #expect(first.processedEvents == second.processedEvents)
    #expect(JSONReport.render(first) == JSONReport.render(second))
    #expect(TextReport.render(first) == TextReport.render(second))
  }

  /// The built `meshsim` next to the test bundle (`.build/<configuration>/meshsim`).
  static var binary: String? {
    var candidates: [String] = []
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = testBinary.deletingLastPathComponent()
    for _ in 0..<4 {
      candidates.append(folder.appendingPathComponent("meshsim").path)
      folder.deleteLastPathComponent()
    }
    candidates += [root + "/.build/debug/meshsim", root + "/.build/release/meshsim"]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  static func runProcess(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, output)
  }

  @Test func twoProcessesWriteByteIdenticalJSON() throws {
    guard let binary = Self.binary else {
      print("DeterminismTests: skipping the two-process check: no built meshsim next to the tests (run `swift build` first)")
      return
    }
    for relative in ["Scenarios/cloudmap/backend-scaling.json", "Scenarios/cloudmap/multivalue-eight-answers.json"] {
      let arguments = ["run", Self.root + "/" + relative, "--format", "json", "--trace", "5"]
      let first = try Self.runProcess(binary, arguments)
      let second = try Self.runProcess(binary, arguments)
      #expect(first.status == 0 && second.status == 0)
      #expect(!first.output.isEmpty)
      #expect(first.output == second.output, "\(relative): two processes disagree")
      // And the process agrees with the in-process report.
      let inProcess = JSONReport.render(SimulationRun.run(try Self.model(relative), options: .init(traces: .first(5))))
      #expect(String(decoding: first.output, as: UTF8.self) == inProcess)
    }
  }

  /// What may not depend on the seed: the report's shape, names, counts sent, expectations
  /// asked. (The timeline may: outlier ejections and the like happen when the traffic says.)
  static func seedIndependentPart(_ json: String) throws -> [String: Any] {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let traffic = (object["traffic"] as? [[String: Any]] ?? []).map { stream in
      ["name": stream["name"] ?? "", "from": stream["from"] ?? "", "request": stream["request"] ?? "", "sent": stream["sent"] ?? 0]
    }
    let expectations = (object["expectations"] as? [[String: Any]] ?? []).map { $0["name"] ?? "" }
    return ["scenario": object["scenario"] ?? "", "traffic": traffic, "expectations": expectations,
            "keys": object.keys.sorted()]
  }

  @Test(arguments: scenarios)
  func differentSeedsChangeOnlySeedDependentFields(_ relative: String) throws {
    let model = try Self.model(relative)
    let reports = [1, 2, 3].map { JSONReport.render(SimulationRun.run(model, options: .init(seed: UInt64($0), traces: .none))) }
    let parts = try reports.map(Self.seedIndependentPart)
    for part in parts.dropFirst() {
      #expect(NSDictionary(dictionary: part).isEqual(to: parts[0]), "\(relative): seed-independent fields differ")
    }
    for (seed, report) in zip([1, 2, 3], reports) { #expect(report.contains("\"seed\": \(seed),")) }
  }

  @Test func seedsDoChangeRandomChoices() throws {
    let model = try Self.model("Scenarios/cloudmap/multivalue-eight-answers.json")
    let fingerprints = Set([1, 2, 3].map { SimulationRun.run(model, options: .init(seed: UInt64($0), traces: .none)).fingerprint })
    #expect(fingerprints.count == 3)
  }
}
