import ScenarioFormat

/// Gives an unnamed expectation a readable name from what it asserts.
enum ExpectationNaming {
  static func describe(_ spec: ExpectationSpec, index: Int) -> String {
    var subject: [String] = []
    if let service = spec.filter.service { subject.append("service \(service)") }
    if let task = spec.filter.task { subject.append("task \(task)") }
    if let statuses = spec.filter.statuses {
      subject.append("status \(statuses.map(String.init).joined(separator: "|"))")
    }
    if let statusClass = spec.filter.statusClass { subject.append("status \(statusClass)xx") }
    if let disposition = spec.filter.disposition { subject.append(disposition) }
    if let body = spec.filter.body { subject.append("body '\(body)'") }
    var text = "\(spec.traffic)"
    if !subject.isEmpty { text += ": " + subject.joined(separator: ", ") }
    if let after = spec.after { text += " after \(after)" }
    if let before = spec.before { text += " before \(before)" }
    var claims: [String] = []
    if let share = spec.share { claims.append("share " + bounds(share)) }
    if let count = spec.count { claims.append("count " + bounds(count)) }
    if let tasks = spec.distinctTasks { claims.append("distinct tasks " + bounds(tasks)) }
    for (statistic, value) in spec.latencyMs {
      claims.append("\(statistic) " + bounds(value) + " ms")
    }
    return text + " — " + claims.joined(separator: ", ")
  }

  static func bounds(_ b: ExpectationSpec.Bounds) -> String { b.summary }
}
