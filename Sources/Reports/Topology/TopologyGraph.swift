import SimEngine

/// The request graph of a run: the nodes of ``RunResult/nodes`` and the edges of
/// ``RunResult/edges`` by index, with the traffic origins marked. Diagram renderers (SVG,
/// Mermaid) draw this; the order is the result's sorted order, so drawings are deterministic.
public struct TopologyGraph: Sendable, Equatable {
  public struct Edge: Sendable, Equatable {
    public var from: Int
    public var to: Int
    public var count: Int

    public init(from: Int, to: Int, count: Int) {
      self.from = from
      self.to = to
      self.count = count
    }
  }
  public var nodes: [TopologyNode]
  public var edges: [Edge]
  /// Indices of the nodes where traffic streams start, in stream order without repeats.
  public var origins: [Int]

  public init(nodes: [TopologyNode], edges: [Edge], origins: [Int]) {
    self.nodes = nodes
    self.edges = edges
    self.origins = origins
  }

  /// The graph of a run. Edge ends missing from `result.nodes` are added as plain components.
  public init(_ result: RunResult) {
    var nodes = result.nodes
    var known = Set(nodes.map(\.name))
    var extra: [String] = []
    for edge in result.edges {
      for name in [edge.from, edge.to] where !known.contains(name) {
        known.insert(name)
        extra.append(name)
      }
    }
    for stream in result.streams where !known.contains(stream.origin) {
      known.insert(stream.origin)
      extra.append(stream.origin)
    }
    nodes += extra.map { TopologyNode(name: $0, kind: .component) }
    nodes.sort { $0.name < $1.name }
    var index: [String: Int] = [:]
    for (position, node) in nodes.enumerated() { index[node.name] = position }
    let edges = result.edges.map { Edge(from: index[$0.from]!, to: index[$0.to]!, count: $0.count) }
    var origins: [Int] = []
    for stream in result.streams {
      let origin = index[stream.origin]!
      if !origins.contains(origin) { origins.append(origin) }
    }
    self.init(nodes: nodes, edges: edges, origins: origins)
  }

  /// The index of the node named `name`.
  public func node(named name: String) -> Int? {
    nodes.firstIndex { $0.name == name }
  }

  /// The index of the edge `from → to`.
  public func edge(from: Int, to: Int) -> Int? {
    edges.firstIndex { $0.from == from && $0.to == to }
  }
}
