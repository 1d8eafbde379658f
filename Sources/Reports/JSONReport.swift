import NetworkModel
import ScenarioFormat
import SimEngine
import SimKernel

/// The machine-readable report (`--format json`): the contract's shape, keys sorted, no
/// wall-clock times or absolute paths, so the same scenario and seed give identical bytes.
public enum JSONReport {
  public static func render(_ result: RunResult) -> String {
    value(result).rendered(pretty: true) + "\n"
  }

  public static func value(_ result: RunResult) -> JSONOutput {
    .object([
      "scenario": .string(result.scenario),
      "seed": .int(Int64(bitPattern: result.seed)),
      "traffic": .array(result.streams.map(stream)),
      "expectations": .array(result.expectations.map { .object(["name": .string($0.name), "passed": .bool($0.passed), "detail": .string($0.detail)]) }),
      "fingerprint": .string(result.fingerprint),
      "events": .int(Int64(result.processedEvents)),
      "endTimeMs": .number(result.endTime.sinceStart.reportMilliseconds),
      "stoppedAtEventLimit": .bool(result.stoppedAtEventLimit),
      "timeline": .array(result.timeline.map { .object(["atMs": .number($0.time.sinceStart.reportMilliseconds), "event": .string($0.text)]) }),
      "traces": .array(result.traces.map(trace)),
    ])
  }

  static func stream(_ stream: RunResult.Stream) -> JSONOutput {
    .object([
      "name": .string(stream.name),
      "from": .string(stream.origin),
      "request": .string(stream.request),
      "sent": .int(Int64(stream.sent)),
      "outcomes": .array(stream.outcomes.map(row)),
      "latencyMs": latency(stream.latency),
    ])
  }

  static func row(_ row: RunResult.OutcomeRow) -> JSONOutput {
    var fields: [String: JSONOutput] = [
      "service": row.service.map(JSONOutput.string) ?? .null,
      "task": row.task.map(JSONOutput.string) ?? .null,
      "status": row.status.map { .int(Int64($0)) } ?? .null,
      "disposition": .string(row.disposition),
      "count": .int(Int64(row.count)),
    ]
    if let body = row.body { fields["body"] = .string(body) }
    return .object(fields)
  }

  static func latency(_ histogram: LatencyHistogram) -> JSONOutput {
    guard histogram.count > 0 else { return .null }
    return .object([
      "p50": .number(histogram.percentile(perMille: 500).reportMilliseconds),
      "p90": .number(histogram.percentile(perMille: 900).reportMilliseconds),
      "p99": .number(histogram.percentile(perMille: 990).reportMilliseconds),
      "max": .number(histogram.max.reportMilliseconds),
      "mean": .number(histogram.mean.reportMilliseconds),
    ])
  }

  public static func trace(_ trace: RequestTrace) -> JSONOutput {
    .object([
      "traffic": .string(trace.stream),
      "index": .int(Int64(trace.index)),
      "request": .string("\(trace.method) \(trace.url)"),
      "status": trace.status.map { .int(Int64($0)) } ?? .null,
      "disposition": trace.disposition.map(JSONOutput.string) ?? .null,
      "service": trace.service.map(JSONOutput.string) ?? .null,
      "task": trace.task.map(JSONOutput.string) ?? .null,
      "steps": .array(trace.steps.map { step in
        .object([
          "atMs": .number(step.time.sinceStart.reportMilliseconds), "actor": .string(step.actor),
          "kind": .string(step.kind.rawValue), "detail": .string(step.detail),
        ])
      }),
    ])
  }
}
