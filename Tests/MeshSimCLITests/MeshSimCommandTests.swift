import Foundation
import MeshSimCLI
import Testing

/// The command line: help, usage errors (exit 64, with did-you-mean), invalid scenarios (65),
/// failed expectations (1), the JSON report and atomic `--output`.
@Suite struct MeshSimCommandTests {
  static let scenario = Repository.path("Scenarios/cloudmap/backend-scaling.json")

  static let failing = """
    {
      "name": "fails",
      "ec2": {
        "vpcs": [{ "VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16" }],
        "subnets": [{ "SubnetId": "subnet-a", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a" }]
      },
      "ecs": {
        "taskDefinitions": [{ "family": "app", "containerDefinitions": [{ "name": "app", "portMappings": [{ "containerPort": 80 }] }] }],
        "services": [{ "serviceName": "app", "taskDefinition": "app", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-a"] } } }]
      },
      "clients": [{ "name": "host", "subnet": "subnet-a" }],
      "traffic": [{ "name": "calls", "from": "host", "request": { "url": "http://{{ip:app/1}}:80/" }, "count": 5 }],
      "expect": [
        { "name": "everything is delivered", "traffic": "calls", "disposition": "delivered", "share": 1 },
        { "name": "app answers 404 (it does not)", "traffic": "calls", "status": 404, "share": 1 }
      ]
    }
    """

  @Test func overviewListsEveryCommandAndTheExitStatuses() {
    let run = CLIRun(["--help"])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    for line in ["USAGE: meshsim <command> [options]", "  run ", "  check ", "  test ", "  explain ",
                 "EXIT STATUS: 0 success · 1 an expectation failed · 64 usage error · 65 invalid scenario"] {
      #expect(run.stdout.contains(line), "missing \(line)")
    }
    #expect(CLIRun(["-h"]).stdout == run.stdout)
  }

  @Test(arguments: ["run", "check", "test", "explain"])
  func everyCommandHasHelp(_ command: String) {
    let run = CLIRun([command, "--help"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("usage: meshsim \(command) "))
    #expect(CLIRun([command, "-h"]).stdout == run.stdout)
  }

  @Test func version() {
    let run = CLIRun(["--version"])
    #expect(run.status == 0)
    #expect(run.stdout == "meshsim \(MeshSimCommand.version)\n")
  }

  struct UsageCase: CustomTestStringConvertible, Sendable {
    let arguments: [String]
    let message: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let usageCases: [UsageCase] = [
    UsageCase(arguments: [], message: "USAGE: meshsim <command> [options]"),
    UsageCase(arguments: ["rnu"], message: "error: unknown command 'rnu' (did you mean 'run'?)"),
    UsageCase(arguments: ["chekc", "x.json"], message: "error: unknown command 'chekc' (did you mean 'check'?)"),
    UsageCase(arguments: ["frobnicate"], message: "error: unknown command 'frobnicate'\n"),
    UsageCase(arguments: ["run", scenario, "--sed", "3"], message: "error: unknown option '--sed' (did you mean '--seed'?)"),
    UsageCase(arguments: ["run", scenario, "--format", "jsn"],
              message: "error: invalid value 'jsn' for '--format'; expected one of text, json, html, mermaid (did you mean 'json'?)"),
    UsageCase(arguments: ["run", scenario, "--seed", "-1"],
              message: "error: option '--seed' needs a whole number in 0...\(Int.max), got '-1'"),
    UsageCase(arguments: ["run", scenario, "--seed"], message: "error: option '--seed' needs a value"),
    UsageCase(arguments: ["run"], message: "error: run takes exactly one scenario file"),
    UsageCase(arguments: ["run", scenario, scenario], message: "error: run takes exactly one scenario file"),
    UsageCase(arguments: ["check"], message: "error: check needs at least one scenario file"),
    UsageCase(arguments: ["test", "no/such/folder"], message: "error: no such file or folder 'no/such/folder'"),
    UsageCase(arguments: ["explain", scenario], message: "error: explain needs --traffic NAME"),
    UsageCase(arguments: ["explain", scenario, "--traffic", "proxy-to-backnd"],
              message: "error: no traffic stream 'proxy-to-backnd' (did you mean 'proxy-to-backend'?); streams: proxy-to-backend"),
    UsageCase(arguments: ["explain", scenario, "--traffic", "proxy-to-backend", "--index", "1200"],
              message: "error: traffic 'proxy-to-backend' sends 1200 requests; --index must be below that"),
    UsageCase(arguments: ["run", scenario, "--help=yes"], message: "error: option '--help' takes no value"),
  ]

  @Test(arguments: usageCases)
  func usageErrorsExit64WithTheProblemOnStderr(_ testCase: UsageCase) {
    let run = CLIRun(testCase.arguments)
    #expect(run.status == 64)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains(testCase.message), "\(run.stderr)")
  }

  @Test func usageErrorsOfACommandShowItsUsage() {
    let run = CLIRun(["run", Self.scenario, "--sed", "3"])
    #expect(run.stderr.hasSuffix("usage: meshsim run <scenario.json> [--seed N] [--format text|json|html|mermaid] [--output PATH] [--trace N] [--requests N] [--replications K]\nhelp: meshsim run --help\n"))
  }

  @Test func invalidScenarioExits65WithDiagnosticsOnStderr() {
    let path = Repository.path("Scenarios/invalid/unknown-key.json")
    for command in [["run", path], ["check", path], ["explain", path, "--traffic", "t"]] {
      let run = CLIRun(command)
      #expect(run.status == 65, "\(command)")
      #expect(run.stdout.isEmpty)
      #expect(run.stderr.contains("error: unknown key 'trafic' in scenario [schema.unknown-key]"))
      #expect(run.stderr.hasSuffix("3 errors, 0 warnings\n"))
    }
  }

  @Test func unreadableScenarioExits65() {
    let run = CLIRun(["run", "no-such-file.json"])
    #expect(run.status == 65)
    #expect(run.stderr.contains("cannot read 'no-such-file.json'"))
    let folder = CLIRun(["check", Repository.path("Scenarios")])
    #expect(folder.status == 65)
    #expect(folder.stderr.contains("is a folder, not a scenario file"))
  }

  @Test func failedExpectationExits1AndSaysWhich() {
    let scratch = ScratchFolder("failing")
    defer { scratch.cleanUp() }
    let path = scratch.write("fails.json", Self.failing)
    let run = CLIRun(["run", path])
    #expect(run.status == 1)
    #expect(run.stdout.contains("  PASS everything is delivered\n"))
    #expect(run.stdout.contains("  FAIL app answers 404 (it does not)\n       share 0 (0/5) not = 1\n"))
    #expect(run.stdout.hasSuffix("1 of 2 expectations failed\n"))
    let test = CLIRun(["test", path])
    #expect(test.status == 1)
    #expect(test.stdout.contains("FAIL \(path) — 1/2 expectations\n     app answers 404 (it does not): share 0 (0/5) not = 1\n"))
    #expect(test.stdout.hasSuffix("\n0 passed, 1 failed\n"))
  }

  @Test func passingRunExits0() {
    let run = CLIRun(["run", Self.scenario])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    #expect(run.stdout.hasPrefix("scenario cloudmap-backend-scaling · seed 7 · "))
    #expect(run.stdout.hasSuffix("all 7 expectations passed\n"))
  }

  @Test func jsonReportHasTheContractShapeWithSortedKeys() throws {
    let run = CLIRun(["run", Self.scenario, "--format", "json"])
    #expect(run.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(object["scenario"] as? String == "cloudmap-backend-scaling")
    #expect(object["seed"] as? Int == 7)
    #expect((object["fingerprint"] as? String)?.count == 16)
    let traffic = try #require((object["traffic"] as? [[String: Any]])?.first)
    #expect(traffic["name"] as? String == "proxy-to-backend")
    #expect(traffic["sent"] as? Int == 1200)
    let outcomes = try #require(traffic["outcomes"] as? [[String: Any]])
    #expect(outcomes.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == 1200)
    for row in outcomes { #expect(Set(row.keys).isSuperset(of: ["service", "task", "status", "disposition", "count"])) }
    #expect(Set((traffic["latencyMs"] as? [String: Any] ?? [:]).keys).isSuperset(of: ["p50", "p90", "p99", "max"]))
    #expect((object["expectations"] as? [[String: Any]])?.allSatisfy { $0["passed"] as? Bool == true } == true)
    // Keys are written sorted: the top-level members, in file order, are in order.
    let topLevel = run.stdout.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { line in
      String(line.dropFirst(3).prefix { $0 != "\"" })
    }
    #expect(topLevel.count == object.count)
    #expect(topLevel == topLevel.sorted())
    #expect(!run.stdout.contains("/work/") && !run.stdout.contains(Repository.root), "no absolute paths")
  }

  @Test func seedOptionOverridesTheScenarioSeed() throws {
    let run = CLIRun(["run", Self.scenario, "--format", "json", "--seed", "99", "--trace", "0"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(object["seed"] as? Int == 99)
    #expect((object["traces"] as? [Any])?.isEmpty == true)
  }

  @Test func outputIsWrittenWholeAndReplacesAnOldFile() throws {
    let scratch = ScratchFolder("output")
    defer { scratch.cleanUp() }
    let target = scratch.write("report.json", String(repeating: "stale bytes that must not survive\n", count: 10_000))
    let run = CLIRun(["run", Self.scenario, "--format", "json", "--output", target])
    #expect(run.status == 0)
    #expect(run.stdout.isEmpty)
    let written = try String(contentsOfFile: target, encoding: .utf8)
    #expect(written == CLIRun(["run", Self.scenario, "--format", "json"]).stdout)
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["report.json"], "no temporary file left")
  }

  @Test func outputToAMissingFolderIsAUsageErrorAndWritesNothing() throws {
    let scratch = ScratchFolder("missing")
    defer { scratch.cleanUp() }
    let run = CLIRun(["run", Self.scenario, "--output", scratch.path + "/no/such/dir/report.txt"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("error: cannot write '\(scratch.path)/no/such/dir/report.txt'"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
  }

  @Test func checkReportsOkOrWarnings() throws {
    let run = CLIRun(["check", Self.scenario])
    #expect(run.status == 0)
    #expect(run.stdout == "\(Self.scenario): ok\n")
    let json = CLIRun(["check", Repository.path("Scenarios/invalid/duplicate-name.json"), "--format", "json"])
    #expect(json.status == 65)
    let diagnostics = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(diagnostics.count == 4)
    #expect(diagnostics.compactMap { $0["id"] as? String }.sorted() == [
      "model.duplicate-name", "model.duplicate-name", "model.duplicate-name", "syntax.duplicate-key",
    ])
  }

  @Test func explainShowsEveryDecision() {
    let run = CLIRun(["explain", Self.scenario, "--traffic", "proxy-to-backend", "--index", "700"])
    #expect(run.status == 0)
    for fragment in ["request 700 of traffic proxy-to-backend: GET http://backend.ecs-navi.local:80/",
                     "DNS cache: backend.ecs-navi.local → ", "(Cloud Map MULTIVALUE 3/3 healthy; expires in ",
                     "ingress allowed by sg-backend (ecs-navi-backend) rule #1: tcp/80 from members of sg-nginx",
                     "answers 200 \"hello from backend\"", "result: 200 delivered · service backend · task backend/"] {
      #expect(run.stdout.contains(fragment), "missing \(fragment)")
    }
  }

  @Test func testCommandWritesJUnit() throws {
    let scratch = ScratchFolder("junit")
    defer { scratch.cleanUp() }
    let junit = scratch.path + "/junit.xml"
    let run = CLIRun(["test", Self.scenario, "--junit", junit])
    #expect(run.status == 0)
    let xml = try String(contentsOfFile: junit, encoding: .utf8)
    #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"meshsim\" tests=\"1\" failures=\"0\">"))
  }
}
