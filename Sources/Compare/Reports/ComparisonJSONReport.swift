import Reports
import ScenarioFormat
import SimKernel

/// The machine-readable comparison (`compare --format json`): per wiring the measurements, the
/// feature support, moving parts and cost lines; keys sorted, same input and seed ⇒ same bytes.
public enum ComparisonJSONReport {
  public static func render(_ comparison: Comparison) -> String {
    value(comparison).rendered(pretty: true) + "\n"
  }

  public static func value(_ comparison: Comparison) -> JSONOutput {
    .object([
      "application": .string(comparison.app.name),
      "seed": .int(Int64(bitPattern: comparison.seed)),
      "neededFeatures": .array(comparison.app.neededFeatures.map { .string($0.rawValue) }),
      "options": .array(comparison.runs.map { option($0, app: comparison.app) }),
      "pricesCompiled": .string(PriceTable.compiled),
      "prices": .array(
        comparison.prices.prices.map {
          [
            "key": .string($0.key), "value": .decimal($0.value, fractionDigits: 6),
            "unit": .string($0.unit),
            "source": .string($0.source),
          ]
        }),
    ])
  }

  static func ms(_ duration: SimDuration?) -> JSONOutput {
    duration.map { .number($0.reportMilliseconds) } ?? .null
  }

  static func option(_ run: Comparison.Run, app: ApplicationSpec) -> JSONOutput {
    var fields: [String: JSONOutput] = [
      "option": .string(run.wired.option.rawValue), "title": .string(run.wired.option.title),
      "scenario": .string(run.fileName), "valid": .bool(run.problems.isEmpty),
      "limitations": .array(run.wired.limitations.map(JSONOutput.string)),
      "features": .object(
        Dictionary(
          uniqueKeysWithValues: app.neededFeatures.map { feature in
            let entry = FeatureSupport.entry(feature, run.wired.option)
            return (
              feature.rawValue,
              [
                "level": .string(entry.level.rawValue), "note": .string(entry.note),
                "source": .string(entry.source),
              ] as JSONOutput
            )
          })),
      "movingParts": [
        "resources": .object(
          Dictionary(
            uniqueKeysWithValues: run.movingParts.resources.map { ($0.kind, .int(Int64($0.count))) }
          )),
        "resourceCount": .int(Int64(run.movingParts.resourceCount)),
        "sidecars": .int(Int64(run.movingParts.sidecars)),
        "sidecarsManaged": .bool(run.movingParts.sidecarsManaged),
        "proxyTasks": .int(Int64(run.movingParts.proxyTasks)),
      ],
      "costMonthlyUSD": [
        "lines": .array(
          run.cost.lines.map {
            ["item": .string($0.item), "usd": .decimal($0.monthly, fractionDigits: 2)]
          }),
        "total": .decimal(run.cost.total, fractionDigits: 2),
      ],
      "problems": .array(run.problems.map { .string("\($0.id): \($0.message)") }),
    ]
    guard let metrics = run.metrics, let result = run.result else { return .object(fields) }
    fields["fingerprint"] = .string(result.fingerprint)
    fields["sent"] = .int(Int64(metrics.sent))
    fields["succeeded"] = .int(Int64(metrics.succeeded))
    fields["failures"] = .object(
      Dictionary(
        uniqueKeysWithValues: metrics.failures.map { ($0.disposition, .int(Int64($0.count))) }))
    fields["latencyMs"] =
      metrics.latency.count == 0
      ? .null
      : [
        "p50": ms(metrics.latency.percentile(perMille: 500)),
        "p90": ms(metrics.latency.percentile(perMille: 900)),
        "p99": ms(metrics.latency.percentile(perMille: 990)), "max": ms(metrics.latency.max),
      ]
    fields["scaleOuts"] = .array(
      metrics.scaleOuts.map {
        [
          "atMs": ms($0.at), "ecsService": .string($0.ecsService),
          "newTasks": .array($0.newTasks.map(JSONOutput.string)),
          "firstRequestAfterEventMs": ms($0.firstRequestAfterEvent),
          "firstRequestAfterRunningMs": ms($0.firstRequestAfterRunning),
          "idleTasks": .int(Int64($0.idleTasks)),
        ]
      })
    fields["stoppedTasks"] = .array(
      metrics.stoppedTasks.map {
        [
          "atMs": ms($0.at), "task": .string($0.task),
          "lastRequestAfterEventMs": ms($0.lastRequestAfterEvent),
          "failuresAfter": .int(Int64($0.failuresAfter)),
          "lastFailureAfterMs": ms($0.lastFailureAfter),
        ]
      })
    fields["versionSplits"] = .array(
      metrics.versionSplits.map { split in
        [
          "service": .string(split.service), "fromMs": ms(split.from), "untilMs": ms(split.until),
          "versions": .array(
            split.versions.map {
              [
                "version": .string($0.version), "askedPerMille": .int(Int64($0.asked)),
                "observedPerMille": $0.observed.map { .int(Int64($0)) } ?? .null,
                "requests": .int(Int64($0.requests)),
              ]
            }),
        ]
      })
    return .object(fields)
  }
}
