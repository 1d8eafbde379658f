import Reports
import SimEngine
import Testing

@Suite struct TopologyLayoutTests {
  /// A graph from `(from, to)` name pairs; names starting with "client" are clients.
  static func graph(_ names: [String], _ edges: [(String, String)], origins: [String] = [])
    -> TopologyGraph
  {
    let nodes = names.sorted().map {
      TopologyNode(name: $0, kind: $0.hasPrefix("client") ? .client : .service)
    }
    let index = { (name: String) in nodes.firstIndex { $0.name == name }! }
    return TopologyGraph(
      nodes: nodes,
      edges: edges.map { TopologyGraph.Edge(from: index($0.0), to: index($0.1), count: 1) },
      origins: origins.map(index))
  }

  static func layer(_ layout: TopologyLayout, _ graph: TopologyGraph, _ name: String) -> Int {
    layout.boxes[graph.node(named: name)!].layer
  }

  @Test(arguments: [
    // A chain: one column each.
    ([("client", "a"), ("a", "b"), ("b", "c")], ["client": 0, "a": 1, "b": 2, "c": 3]),
    // A skip edge does not pull the callee left: longest path wins.
    (
      [("client", "a"), ("a", "b"), ("b", "c"), ("a", "c")], ["client": 0, "a": 1, "b": 2, "c": 3]
    ),
    // A cycle is broken where the depth-first walk closes it.
    ([("client", "a"), ("a", "b"), ("b", "a")], ["client": 0, "a": 1, "b": 2]),
    // Two callers of one service.
    (
      [("client1", "x"), ("client2", "y"), ("x", "z"), ("y", "z")],
      ["client1": 0, "client2": 0, "x": 1, "y": 1, "z": 2]
    ),
  ])
  func layers(edges: [(String, String)], expected: [String: Int]) {
    let graph = Self.graph(Array(expected.keys), edges)
    let layout = TopologyLayout(graph)
    for (name, layer) in expected {
      #expect(Self.layer(layout, graph, name) == layer, "\(name)")
    }
  }

  @Test func anOriginThatIsAServiceStartsTheDrawing() {
    let graph = Self.graph(
      ["a", "b", "proxy"], [("proxy", "b"), ("b", "a"), ("a", "proxy")], origins: ["proxy"])
    let layout = TopologyLayout(graph)
    #expect(Self.layer(layout, graph, "proxy") == 0)
    #expect(Self.layer(layout, graph, "b") == 1)
    #expect(Self.layer(layout, graph, "a") == 2)
    let back = graph.edge(from: graph.node(named: "a")!, to: graph.node(named: "proxy")!)!
    #expect(layout.routes[back].isBackward)
    #expect(layout.routes.filter(\.isBackward).count == 1)
  }

  @Test func boxesDoNotOverlapAndFitTheCanvas() {
    let names = ["client", "a", "b", "c", "d", "e", "a-very-long-service-name-that-needs-cutting"]
    let edges = [
      ("client", "a"), ("client", "b"), ("a", "c"), ("b", "c"), ("b", "d"), ("c", "e"),
      ("d", "a-very-long-service-name-that-needs-cutting"), ("e", "client"),
    ]
    let graph = Self.graph(names, edges)
    let layout = TopologyLayout(graph)
    for (i, a) in layout.boxes.enumerated() {
      #expect(
        a.x >= 0 && a.y >= 0 && a.x + a.width <= layout.width && a.y + a.height <= layout.height)
      for b in layout.boxes[(i + 1)...] {
        let apart =
          a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y
          || b.y + b.height <= a.y
        #expect(apart)
      }
    }
    for route in layout.routes {
      #expect(route.labelY < layout.height && route.labelX < layout.width)
    }
  }

  @Test func columnsFollowTheirCallers() {
    // c is called by the bottom node of column 1, so it goes below d (called by the top one).
    let graph = Self.graph(
      ["client", "a", "b", "c", "d"], [("client", "a"), ("client", "b"), ("a", "d"), ("b", "c")])
    let layout = TopologyLayout(graph)
    let y = { (name: String) in layout.boxes[graph.node(named: name)!].y }
    #expect(y("a") < y("b"))
    #expect(y("d") < y("c"))
  }

  @Test func layoutIsAFunctionOfTheGraph() {
    let edges = [("client", "a"), ("a", "b"), ("b", "c"), ("c", "a"), ("a", "d")]
    let first = TopologyLayout(Self.graph(["client", "a", "b", "c", "d"], edges))
    let second = TopologyLayout(Self.graph(["d", "c", "b", "a", "client"], edges))
    #expect(first == second)
  }
}
