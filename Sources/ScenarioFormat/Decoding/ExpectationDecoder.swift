import Diagnostics

/// Decodes `expect[]`.
enum ExpectationDecoder {
  static let statistics = ["p50", "p90", "p95", "p99", "p999", "max", "min", "mean"]

  static func expectation(_ r: ObjectReader) -> ExpectationSpec? {
    let context = r.context
    let name = r.string("name")
    let traffic = r.string("traffic", required: true)
    let after = r.duration("after")
    let before = r.duration("before")
    var filter = ExpectationSpec.Filter()
    filter.service = r.string("service")
    filter.task = r.string("task")
    filter.disposition = r.string("disposition")
    filter.body = r.string("body")
    if let node = r.node("status") {
      switch node.value {
      case .number:
        if let status = context.int(node, what: "status", range: 100...599) {
          filter.statuses = [status]
        }
      case .array(let items):
        filter.statuses = items.compactMap { context.int($0, what: "status", range: 100...599) }
      case .string(let text):
        if text.count == 3, text.hasSuffix("xx"), let digit = Int(String(text.prefix(1))),
          (1...5).contains(digit)
        {
          filter.statusClass = digit
        } else {
          context.invalid(
            node, "invalid status '\(text)'", hint: "write 200, [200, 204] or a class like \"5xx\"")
        }
      default:
        context.typeMismatch(
          node, expected: "status code, list of codes or class like \"5xx\"", key: "'status'")
      }
    }
    let share = r.node("share").flatMap { bounds($0, context: context, key: "share") }
    var count = r.node("count").flatMap { bounds($0, context: context, key: "count") }
    if r.bool("none") == true { count = .init(min: 0, max: 0) }
    let distinctTasks = r.node("distinctTasks").flatMap {
      bounds($0, context: context, key: "distinctTasks")
    }
    var latency: [(String, ExpectationSpec.Bounds)] = []
    if let latencyReader = r.object("latencyMs", what: "latency expectation") {
      for statistic in statistics {
        if let node = latencyReader.node(statistic),
          let value = bounds(node, context: context, key: statistic)
        {
          latency.append((statistic, value))
        }
      }
      latencyReader.finish()
    }
    guard let traffic else { return nil }
    if share == nil && count == nil && distinctTasks == nil && latency.isEmpty {
      context.diagnostics.error(
        "schema.missing-key", "expectation on '\(traffic)' asserts nothing", at: r.node.location,
        path: r.node.path.description,
        hint: "add \"share\", \"count\", \"none\": true, \"distinctTasks\" or \"latencyMs\"")
      return nil
    }
    return ExpectationSpec(
      name: name, traffic: traffic, after: after, before: before, filter: filter, share: share,
      count: count,
      distinctTasks: distinctTasks, latencyMs: latency, source: SourceRef(r.node))
  }

  /// Reads `0.5`, `[0.45, 0.55]` or `{"min": 0.45, "max": 0.55}`.
  /// Reads bounds and checks they lie in `range` (shares are fractions; counts and latencies
  /// are not negative).
  static func bounds(_ node: JSONNode, context: DecodingContext, key: String) -> ExpectationSpec
    .Bounds?
  {
    guard let bounds = anyBounds(node, context: context, key: key) else { return nil }
    let range = key == "share" ? 0.0...1.0 : 0.0...1e12
    for value in [bounds.min, bounds.max].compactMap({ $0 }) where !range.contains(value) {
      context.diagnostics.error(
        "schema.value-out-of-range",
        "'\(key)' bound \(ExpectationSpec.Bounds.format(value)) is out of range "
          + (key == "share"
            ? "0...1 (a share is a fraction of the requests)" : "(it cannot be negative)"),
        at: node.location, path: node.path.description)
      return nil
    }
    return bounds
  }

  static func anyBounds(_ node: JSONNode, context: DecodingContext, key: String) -> ExpectationSpec
    .Bounds?
  {
    switch node.value {
    case .number(let number):
      return .init(min: number.doubleValue, max: number.doubleValue)
    case .array(let items):
      let values = items.compactMap { item -> Double? in
        if case .number(let number) = item.value { return number.doubleValue }
        context.typeMismatch(item, expected: "number", key: "'\(key)' bound")
        return nil
      }
      guard values.count == 2, values[0] <= values[1] else {
        context.invalid(node, "'\(key)' range needs two numbers [min, max] with min <= max")
        return nil
      }
      return .init(min: values[0], max: values[1])
    case .object:
      guard let reader = context.object(node, what: "'\(key)' bounds") else { return nil }
      defer { reader.finish() }
      let result = ExpectationSpec.Bounds(min: reader.double("min"), max: reader.double("max"))
      if result.min == nil && result.max == nil {
        context.invalid(node, "'\(key)' bounds need 'min' or 'max'")
        return nil
      }
      return result
    default:
      context.typeMismatch(
        node, expected: "number, [min, max] or {\"min\": …, \"max\": …}", key: "'\(key)'")
      return nil
    }
  }
}
