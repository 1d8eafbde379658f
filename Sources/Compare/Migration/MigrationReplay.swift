import Diagnostics
import NetworkModel
import ScenarioFormat
import SimEngine
import SimKernel

/// Replays an App Mesh scenario and its migration under the same traffic, events and seed, and
/// lines their outcomes up stream by stream.
public struct MigrationReplay: Sendable {
  /// One outcome (service, status, disposition) of a stream before and after.
  public struct Row: Sendable {
    public var outcome: String
    public var before: Int
    public var after: Int
  }
  /// One traffic stream before and after.
  public struct Stream: Sendable {
    public var name: String
    public var sentBefore: Int
    public var sentAfter: Int
    public var rows: [Row]
    public var latencyBefore: LatencyHistogram
    public var latencyAfter: LatencyHistogram
    /// Whether some outcome's share moved by at least one percentage point.
    public var differs: Bool
  }

  public var plan: MeshMigration.Plan
  public var fileName: String
  public var original: RunResult
  public var migrated: RunResult?
  /// Problems of the migrated scenario (a translation bug); empty when it ran.
  public var problems: [Diagnostic]
  public var streams: [Stream]

  public static func run(
    original model: NetworkModel, root: JSONNode, to target: MigrationTarget, fileName: String,
    seed: UInt64? = nil
  ) -> MigrationReplay {
    let plan = MeshMigration.migrate(root, to: target)
    let original = SimulationRun.run(model, options: .init(seed: seed, traces: .none))
    let diagnostics = DiagnosticEngine()
    let document = ScenarioDecoder.decode(
      bytes: Array(plan.text.utf8), file: fileName, diagnostics: diagnostics)
    let migratedModel =
      diagnostics.hasErrors
      ? nil : document.flatMap { ModelBuilder.build($0, diagnostics: diagnostics) }
    guard let migratedModel, !diagnostics.hasErrors else {
      return MigrationReplay(
        plan: plan, fileName: fileName, original: original, migrated: nil,
        problems: diagnostics.diagnostics.filter { $0.severity == .error }, streams: [])
    }
    let migrated = SimulationRun.run(
      migratedModel, options: .init(seed: seed ?? model.seed, traces: .none))
    return MigrationReplay(
      plan: plan, fileName: fileName, original: original, migrated: migrated, problems: [],
      streams: compare(original, migrated))
  }

  static func key(_ row: RunResult.OutcomeRow) -> String {
    [row.service ?? "-", row.status.map(String.init) ?? "-", row.disposition].joined(
      separator: " · ")
  }

  static func compare(_ before: RunResult, _ after: RunResult) -> [Stream] {
    before.streams.map { stream in
      let other = after.streams.first { $0.name == stream.name }
      var counts: [String: (Int, Int)] = [:]
      for row in stream.outcomes { counts[key(row), default: (0, 0)].0 += row.count }
      for row in other?.outcomes ?? [] { counts[key(row), default: (0, 0)].1 += row.count }
      let sentAfter = other?.sent ?? 0
      let rows = counts.map { Row(outcome: $0.key, before: $0.value.0, after: $0.value.1) }
        .sorted { ($1.before + $1.after, $0.outcome) < ($0.before + $0.after, $1.outcome) }
      let differs = rows.contains { row in
        let shareBefore = stream.sent > 0 ? row.before * 1000 / stream.sent : 0
        let shareAfter = sentAfter > 0 ? row.after * 1000 / sentAfter : 0
        return abs(shareBefore - shareAfter) >= 10
      }
      return Stream(
        name: stream.name, sentBefore: stream.sent, sentAfter: sentAfter, rows: rows,
        latencyBefore: stream.latency, latencyAfter: other?.latency ?? LatencyHistogram(),
        differs: differs)
    }
  }
}
