/// Sentences shared by the comparison reports: the application in brief and the cost notes.
enum ComparisonSummary {
  /// The application: services and calls, entry, traffic, events.
  static func lines(_ app: ApplicationSpec) -> [String] {
    let names = ApplicationNames(app: app)
    var lines: [String] = []
    let services = app.services.map { service -> String in
      let versions =
        service.versions.count > 1
        ? " ["
          + service.versions.map { "\($0.name): \(tasks($0.tasks)), weight \($0.weight)" }.joined(
            separator: "; ") + "]"
        : " (\(tasks(service.versions[0].tasks)))"
      let calls = names.callees(of: service)
      return service.name + versions + (calls.isEmpty ? "" : " → " + calls.joined(separator: ", "))
    }
    lines.append("services: " + services.joined(separator: "; "))
    lines.append(
      "outside traffic enters at \(app.entry): "
        + app.traffic.map { "\($0.name) \($0.count) × \($0.method) \($0.path) at \($0.rate)" }
        .joined(separator: "; "))
    if !app.events.isEmpty {
      lines.append(
        "events: "
          + app.events.map { event -> String in
            switch event.action {
            case .scaleOut(let service, let version, let tasks):
              return
                "\(event.atText) scale \(service)\(version.isEmpty ? "" : " " + version) to \(tasks) tasks"
            case .stopTask(let service, let version, let ordinal):
              return
                "\(event.atText) stop task \(ordinal) of \(service)\(version.isEmpty ? "" : " " + version)"
            case .setWeights(let service, let weights):
              return "\(event.atText) \(service) weights "
                + weights.map { "\($0.version) \($0.weight)" }.joined(separator: ", ")
            }
          }.joined(separator: "; "))
    }
    return lines
  }

  static func tasks(_ count: Int) -> String { count == 1 ? "1 task" : "\(count) tasks" }

  /// How the estimate was made, and where the prices come from.
  static func costNotes(_ comparison: Comparison) -> [String] {
    var notes = [
      "cost assumptions: tasks at their initial counts for 730 hours; traffic all month at the streams' combined rate;",
      "  \(comparison.app.bytesPerRequest) bytes per request and answer; ALB LCUs from new connections (one per request)",
      "  or processed bytes; Lattice requests per service as measured per outside request in the run.",
      "prices (\(PriceTable.compiled); override with \"prices\" in the application file):",
    ]
    for price in comparison.prices.prices {
      notes.append("  \(price.key) = \(price.value) \(price.unit) — \(price.source)")
    }
    return notes
  }
}
