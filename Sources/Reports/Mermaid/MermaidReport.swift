import SimEngine
import SimKernel

/// The Mermaid report (`run --format mermaid`): Markdown with two diagrams ready to paste into a
/// README or an issue — the topology as a left-to-right flowchart with the request count on every
/// edge, and the first traced request as a sequence diagram (hops, answers and the decisions on
/// the way). Names are written through ``MermaidEscaping`` so quotes, angle brackets, `#` and
/// `;` cannot break the syntax.
public enum MermaidReport {
  public static func render(_ result: RunResult) -> String {
    let graph = TopologyGraph(result)
    var out =
      "## Topology of \(MermaidEscaping.markdown(result.scenario)) (seed \(result.seed))\n\n"
    out += "```mermaid\n" + flowchart(graph) + "```\n"
    if let trace = result.traces.first {
      out += "\n## Request \(trace.index) of \(MermaidEscaping.markdown(trace.stream)): "
      out += "\(MermaidEscaping.markdown("\(trace.method) \(trace.url)"))\n\n"
      out += "```mermaid\n" + sequence(trace) + "```\n"
    }
    return out
  }

  /// `flowchart LR` with one node per topology node (shape by kind) and labelled edges.
  public static func flowchart(_ graph: TopologyGraph) -> String {
    var out = "flowchart LR\n"
    for (index, node) in graph.nodes.enumerated() {
      let label = "\"" + MermaidEscaping.label(node.name) + "\""
      let shape: String
      switch node.kind {
      case .client: shape = "([\(label)])"
      case .service: shape = "[\(label)]"
      case .external: shape = "[(\(label))]"
      case .loadBalancer: shape = "{{\(label)}}"
      case .gateway: shape = "[/\(label)/]"
      case .managedService: shape = "[[\(label)]]"
      case .component: shape = "(\(label))"
      }
      out += "  n\(index)\(shape)\n"
    }
    for edge in graph.edges {
      out += "  n\(edge.from) -->|\"\(edge.count)\"| n\(edge.to)\n"
    }
    return out
  }

  /// Step kinds shown as notes in the sequence diagram (the hops show the rest).
  static let noteKinds: Set<TraceStep.Kind> = [
    .resolved, .matched, .permitted, .denied, .forwarded, .failed, .note,
  ]

  /// `sequenceDiagram` of one traced request: a participant per actor in order of appearance.
  public static func sequence(_ trace: RequestTrace) -> String {
    var participants: [String] = []
    func participant(_ name: String) -> String {
      if let index = participants.firstIndex(of: name) { return "p\(index)" }
      participants.append(name)
      return "p\(participants.count - 1)"
    }
    var lines: [String] = []
    var position = participant(trace.hops.first?.fromActor ?? "traffic \(trace.stream)")
    for hop in trace.hops {
      _ = participant(hop.fromActor)
      _ = participant(hop.toActor)
    }
    let known = participants.sorted()
    var hopIndex = 0
    func addHops(upTo step: Int) {
      while hopIndex < trace.hops.count && trace.hops[hopIndex].afterStep <= step {
        let hop = trace.hops[hopIndex]
        hopIndex += 1
        let from = participant(hop.fromActor)
        let to = participant(hop.toActor)
        switch hop.direction {
        case .request:
          lines.append("  \(from)->>\(to): \(MermaidEscaping.text(hop.request))")
        case .response:
          let answer = (hop.status.map { "\($0) " } ?? "") + (hop.disposition ?? "")
          lines.append("  \(from)-->>\(to): \(MermaidEscaping.text(answer))")
        }
        position = to
      }
    }
    for (index, step) in trace.steps.enumerated() {
      addHops(upTo: index)
      guard noteKinds.contains(step.kind) else { continue }
      let over = TracePlayback.actor(of: step, among: known).map(participant) ?? position
      lines.append(
        "  Note over \(over): \(MermaidEscaping.text("\(step.kind.rawValue): \(step.detail)", limit: 120))"
      )
    }
    addHops(upTo: Int.max)
    var out = "sequenceDiagram\n"
    for (index, name) in participants.enumerated() {
      out += "  participant p\(index) as \(MermaidEscaping.text(name))\n"
    }
    return out + lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
  }
}
