import SimEngine
import SimKernel

/// The HTML report (`run --format html`): one self-contained, offline file with the topology
/// diagram (request counts on every edge), a hop-by-hop step-through of the traced requests
/// over that diagram, outcome charts per traffic stream, the timeline and the expectations.
/// Everything is derived from the ``RunResult`` in its sorted order: the same scenario and seed
/// give the same bytes.
public enum HTMLReport {
  public static func render(_ result: RunResult) -> String {
    var page = HTMLPage(title: "MeshSim · \(result.scenario)")
    page.subtitle = subtitle(result)
    let graph = TopologyGraph(result)
    page.section(
      "topology", "Topology and sample requests", topology(result, graph: graph, prefix: ""))
    page.section("traffic", "Traffic", traffic(result, prefix: ""))
    page.section("timeline", "Timeline", timeline(result.timeline))
    if !result.expectations.isEmpty {
      page.section("expectations", "Expectations", expectations(result))
    }
    return page.rendered()
  }

  static func subtitle(_ result: RunResult) -> [String] {
    var lines = [
      "seed \(result.seed) · \(result.processedEvents) events · simulated "
        + "\(ReportNumbers.seconds(result.endTime)) s · fingerprint <code>\(HTMLEscaping.text(result.fingerprint))</code>"
    ]
    if !result.expectations.isEmpty {
      let failed = result.expectations.filter { !$0.passed }.count
      lines.append(
        failed == 0
          ? "<span class=\"badge pass\">PASS</span> all \(result.expectations.count) expectations passed"
          : "<span class=\"badge fail\">FAIL</span> \(failed) of \(result.expectations.count) expectations failed"
      )
    }
    if result.stoppedAtEventLimit {
      lines.append(
        "<span class=\"warn\">the run stopped at the event limit; raise simulation.eventLimit</span>"
      )
    }
    return lines
  }

  /// The diagram with its legend and the step-through under it.
  public static func topology(_ result: RunResult, graph: TopologyGraph, prefix: String) -> String {
    let layout = TopologyLayout(graph)
    var out =
      "<div class=\"diagram\">\n\(TopologySVG.render(graph, layout: layout, idPrefix: prefix))\n</div>\n"
    let kinds = TopologyNode.Kind.allCases.filter { kind in graph.nodes.contains { $0.kind == kind }
    }
    out += "<p class=\"legend-kinds\">"
    out += kinds.map { "<span>▭ \(TopologySVG.kindLabel($0))</span>" }.joined()
    out +=
      "<span>numbers on arrows: requests carried</span><span>dashed: calls back to an earlier column</span></p>\n"
    out += stepper(result, graph: graph, prefix: prefix)
    return out
  }

  /// The request step-through: a picker of traced requests, controls, the current frame and
  /// every frame of each request as a list (hidden except the chosen one).
  public static func stepper(_ result: RunResult, graph: TopologyGraph, prefix: String) -> String {
    guard !result.traces.isEmpty else {
      return
        "<p>No sample requests were traced (run with <code>--trace N</code> to keep some).</p>\n"
    }
    let origins = Dictionary(
      result.streams.map { ($0.name, $0.origin) }, uniquingKeysWith: { first, _ in first })
    let playbacks = result.traces.map {
      TracePlayback($0, origin: origins[$0.stream] ?? "", graph: graph)
    }
    var out = "<div class=\"stepper\" data-prefix=\"\(prefix)\">\n<div class=\"controls\">\n"
    out += "<label>Request <select class=\"trace-select\">"
    for playback in playbacks { out += "<option>\(HTMLEscaping.text(playback.title))</option>" }
    out += "</select></label>\n"
    for (step, label, hint) in [
      ("first", "« first", "Home"), ("back", "‹ back", "←"), ("forward", "forward ›", "→"),
      ("last", "last »", "End"),
    ] {
      out += "<button type=\"button\" data-step=\"\(step)\" title=\"\(hint)\">\(label)</button>"
    }
    out +=
      "<button type=\"button\" class=\"play\" data-step=\"play\" title=\"space\">play</button>\n"
    out += "<span class=\"step-counter\">step 1</span>\n</div>\n"
    for (index, playback) in playbacks.enumerated() {
      out +=
        "<p class=\"outcome\"\(index == 0 ? "" : " hidden")>result: \(HTMLEscaping.text(playback.outcome))</p>\n"
    }
    out += "<div class=\"frame-now\" aria-live=\"polite\"></div>\n"
    for (index, playback) in playbacks.enumerated() {
      out += "<ol class=\"frames\"\(index == 0 ? "" : " hidden")>\n"
      for frame in playback.frames {
        out +=
          "<li data-node=\"\(frame.node)\" data-edge=\"\(frame.edge)\" data-move=\"\(frame.movement.rawValue)\">"
        out +=
          "<span class=\"t\">\(ReportNumbers.milliseconds(frame.time.sinceStart, digits: 3)) ms</span>"
        out += "<span class=\"k k-\(frame.kind)\">\(frame.kind)</span>"
        out += "<span class=\"a\">\(HTMLEscaping.text(frame.actor))</span>"
        out += "<span class=\"d\">\(HTMLEscaping.text(frame.detail))</span></li>\n"
      }
      out += "</ol>\n"
    }
    return out + "</div>\n"
  }

  /// Per stream: the request, a stacked bar of outcomes, the outcome table with latency, and
  /// the outcomes over time.
  public static func traffic(_ result: RunResult, prefix: String) -> String {
    guard !result.streams.isEmpty else { return "<p>The scenario sends no traffic.</p>\n" }
    var out = ""
    for (index, stream) in result.streams.enumerated() {
      let categories = OutcomeCategories(stream.outcomes)
      out +=
        "<article class=\"stream\" id=\"\(prefix)stream-\(index)\">\n<h3>\(HTMLEscaping.text(stream.name))</h3>\n"
      out += "<p>\(stream.sent) × <code>\(HTMLEscaping.text(stream.request))</code> from "
      out += "\(HTMLEscaping.text(stream.origin))</p>\n"
      out +=
        OutcomeChart.stackedBar(categories, total: stream.sent, id: "\(prefix)bar-\(index)") + "\n"
      out += outcomeTable(stream, categories: categories)
      out +=
        OutcomeChart.overTime(
          stream, categories: categories, timeline: result.timeline,
          id: "\(prefix)time-\(index)") + "\n"
      out += "</article>\n"
    }
    return out
  }

  static func outcomeTable(_ stream: RunResult.Stream, categories: OutcomeCategories) -> String {
    var out =
      "<table class=\"outcomes\">\n<tr><th></th><th class=\"num\">count</th><th class=\"num\">share</th>"
    out += "<th>status</th><th>disposition</th><th>service</th><th>task</th><th>body</th></tr>\n"
    for row in stream.outcomes {
      let color = categories.category(of: row).map { categories.categories[$0].color } ?? "#868e96"
      out += "<tr><td><span class=\"swatch\" style=\"background:\(color)\"></span></td>"
      out +=
        "<td class=\"num\">\(row.count)</td><td class=\"num\">\(ReportNumbers.percent(row.count, of: stream.sent))</td>"
      out +=
        "<td>\(row.status.map(String.init) ?? "-")</td><td>\(HTMLEscaping.text(row.disposition))</td>"
      out +=
        "<td>\(HTMLEscaping.text(row.service ?? "-"))</td><td>\(HTMLEscaping.text(row.task ?? "-"))</td>"
      out += "<td>\(HTMLEscaping.text(row.body ?? ""))</td></tr>\n"
    }
    out += "</table>\n"
    if stream.latency.count > 0 {
      let h = stream.latency
      out +=
        "<p>latency ms: p50 \(ReportNumbers.milliseconds(h.percentile(perMille: 500), digits: 3)) · "
      out += "p90 \(ReportNumbers.milliseconds(h.percentile(perMille: 900), digits: 3)) · "
      out += "p99 \(ReportNumbers.milliseconds(h.percentile(perMille: 990), digits: 3)) · "
      out +=
        "max \(ReportNumbers.milliseconds(h.max, digits: 3)) · mean \(ReportNumbers.milliseconds(h.mean, digits: 3))</p>\n"
    }
    return out
  }

  /// The run's timeline: scaling, task states, registrations, health changes, scenario events.
  /// Rows shown at most; the JSON report has them all.
  static let timelineLimit = 2000

  public static func timeline(_ entries: [TimelineEntry]) -> String {
    guard !entries.isEmpty else { return "<p>Nothing changed during the run.</p>\n" }
    var out =
      "<div class=\"scroll\"><table class=\"timeline\">\n<tr><th>time (s)</th><th>what happened</th></tr>\n"
    for entry in entries.prefix(timelineLimit) {
      let isEvent = entry.text.hasPrefix("event:")
      out +=
        "<tr\(isEvent ? " class=\"event\"" : "")><td class=\"time\">\(ReportNumbers.seconds(entry.time))</td>"
      out += "<td>\(HTMLEscaping.text(entry.text))</td></tr>\n"
    }
    if entries.count > timelineLimit {
      out +=
        "<tr><td></td><td>… and \(entries.count - timelineLimit) more (all of them are in <code>--format json</code>)"
      out += "</td></tr>\n"
    }
    return out + "</table></div>\n"
  }

  static func expectations(_ result: RunResult) -> String {
    var out = "<table class=\"expectations\">\n"
    for expectation in result.expectations {
      let badge =
        expectation.passed
        ? "<span class=\"badge pass\">PASS</span>" : "<span class=\"badge fail\">FAIL</span>"
      out += "<tr><td>\(badge)</td><td>\(HTMLEscaping.text(expectation.name))</td>"
      out += "<td>\(HTMLEscaping.text(expectation.detail))</td></tr>\n"
    }
    return out + "</table>\n"
  }
}
