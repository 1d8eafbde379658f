import SimEngine

/// The topology diagram as inline SVG: one box per node (styled by kind), one arrow per edge
/// labelled with its request count. Elements carry ids (`node-N`, `edge-N`) that the report's
/// step-through highlights.
public enum TopologySVG {
  /// Renders `graph` with `layout`; `idPrefix` keeps ids unique when a page holds several diagrams.
  public static func render(
    _ graph: TopologyGraph, layout: TopologyLayout, idPrefix: String = "",
    caption: String = "Request topology"
  ) -> String {
    let total = graph.edges.map(\.count).max() ?? 1
    var out =
      "<svg class=\"topology\" id=\"\(idPrefix)topology\" viewBox=\"0 0 \(layout.width) \(layout.height)\""
    out +=
      " width=\"\(layout.width)\" height=\"\(layout.height)\" role=\"img\" aria-labelledby=\"\(idPrefix)topology-title\">\n"
    out +=
      "<title id=\"\(idPrefix)topology-title\">\(HTMLEscaping.text(caption)): \(graph.nodes.count) nodes, "
    out += "\(graph.edges.count) edges</title>\n"
    out += "<defs>\n"
    for (name, suffix) in [("arrow", ""), ("arrow-active", "-active"), ("arrow-return", "-return")]
    {
      out +=
        "<marker id=\"\(idPrefix)\(name)\" class=\"marker\(suffix)\" viewBox=\"0 0 10 10\" refX=\"8\" refY=\"5\""
      out +=
        " markerUnits=\"userSpaceOnUse\" markerWidth=\"11\" markerHeight=\"11\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker>\n"
    }
    out += "</defs>\n<g class=\"edges\">\n"
    for (index, edge) in graph.edges.enumerated() {
      let route = layout.routes[index]
      let from = graph.nodes[edge.from].name
      let to = graph.nodes[edge.to].name
      // Stroke width 1.5 px to 5 px by share of the busiest edge, in tenths of a pixel.
      let tenths = 15 + (35 * edge.count + total / 2) / max(total, 1)
      let label = String(edge.count)
      let labelWidth = label.count * 7 + 10
      out +=
        "<g class=\"edge\(route.isBackward ? " backward" : "")\" id=\"\(idPrefix)edge-\(index)\""
      out += " data-from=\"\(edge.from)\" data-to=\"\(edge.to)\">"
      out +=
        "<title>\(HTMLEscaping.text(from)) → \(HTMLEscaping.text(to)): \(edge.count) requests</title>"
      out +=
        "<path d=\"\(route.path)\" stroke-width=\"\(tenths / 10).\(tenths % 10)\" marker-end=\"url(#\(idPrefix)arrow)\"/>"
      out +=
        "<rect class=\"count\" x=\"\(route.labelX - labelWidth / 2)\" y=\"\(route.labelY - 9)\" width=\"\(labelWidth)\""
      out += " height=\"18\" rx=\"4\"/>"
      out +=
        "<text class=\"count\" x=\"\(route.labelX)\" y=\"\(route.labelY + 4)\" text-anchor=\"middle\">\(label)</text>"
      out += "</g>\n"
    }
    out += "</g>\n<g class=\"nodes\">\n"
    for (index, node) in graph.nodes.enumerated() {
      let box = layout.boxes[index]
      let kind = kindLabel(node.kind)
      out += "<g class=\"node kind-\(node.kind.rawValue)\" id=\"\(idPrefix)node-\(index)\""
      out += " transform=\"translate(\(box.x),\(box.y))\">"
      out += "<title>\(HTMLEscaping.text(node.name)) (\(kind))</title>"
      out += "<rect width=\"\(box.width)\" height=\"\(box.height)\" rx=\"8\"/>"
      out += "<text class=\"label\" x=\"\(box.width / 2)\" y=\"19\" text-anchor=\"middle\">"
      out += "\(HTMLEscaping.text(shortened(node.name)))</text>"
      out +=
        "<text class=\"kind\" x=\"\(box.width / 2)\" y=\"35\" text-anchor=\"middle\">\(kind)</text>"
      out += "</g>\n"
    }
    out += "</g>\n</svg>"
    return out
  }

  /// A node name cut to fit its box (the full name is in the node's tooltip).
  static func shortened(_ name: String) -> String {
    name.count <= TopologyLayout.maximumLabel
      ? name : String(name.prefix(TopologyLayout.maximumLabel - 1)) + "…"
  }

  /// The words under a node's name.
  public static func kindLabel(_ kind: TopologyNode.Kind) -> String {
    switch kind {
    case .client: "client"
    case .service: "ECS service"
    case .external: "external"
    case .loadBalancer: "load balancer"
    case .gateway: "gateway"
    case .managedService: "managed service"
    case .component: "component"
    }
  }
}
