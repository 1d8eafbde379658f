/// A layered, left-to-right drawing of a ``TopologyGraph``, computed without floating-point
/// surprises: clients and traffic origins in the first column, each callee at least one column
/// right of its callers (longest path over the graph with its cycles broken), nodes of a column
/// ordered to follow their callers (barycentre sweeps), all coordinates whole pixels.
public struct TopologyLayout: Sendable, Equatable {
  /// A node's box.
  public struct Box: Sendable, Equatable {
    public var layer: Int
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    public var midY: Int { y + height / 2 }
  }
  /// An edge's path (SVG path data) and where its label sits.
  public struct Route: Sendable, Equatable {
    public var path: String
    public var labelX: Int
    public var labelY: Int
    /// The edge goes back to an earlier or the same column (drawn as an arc below).
    public var isBackward: Bool
  }
  public var boxes: [Box]
  public var routes: [Route]
  public var width: Int
  public var height: Int

  static let margin = 24
  static let nodeHeight = 44
  static let rowGap = 30
  static let columnGap = 110
  static let minimumWidth = 96
  static let maximumWidth = 232
  /// Characters of a label that fit a node box at the maximum width.
  public static let maximumLabel = 28

  /// The pixel width of a node label (12 px monospace, about 7.3 px a character).
  static func labelWidth(_ text: String) -> Int {
    (min(text.count, maximumLabel) * 73 + 9) / 10
  }

  public init(_ graph: TopologyGraph) {
    let count = graph.nodes.count
    let layers = Self.layers(graph)
    let order = Self.order(graph, layers: layers)
    var boxes = (0..<count).map { index in
      Box(
        layer: layers[index], x: 0, y: 0,
        width: min(
          Self.maximumWidth, max(Self.minimumWidth, Self.labelWidth(graph.nodes[index].name) + 28)),
        height: Self.nodeHeight)
    }
    // Columns: as wide as their widest node.
    var x = Self.margin
    var tallest = 0
    for column in order {
      let columnWidth = column.map { boxes[$0].width }.max() ?? 0
      let columnHeight = column.count * Self.nodeHeight + max(0, column.count - 1) * Self.rowGap
      tallest = max(tallest, columnHeight)
      for index in column { boxes[index].x = x + (columnWidth - boxes[index].width) / 2 }
      x += columnWidth + Self.columnGap
    }
    for column in order {
      let columnHeight = column.count * Self.nodeHeight + max(0, column.count - 1) * Self.rowGap
      var y = Self.margin + (tallest - columnHeight) / 2
      for index in column {
        boxes[index].y = y
        y += Self.nodeHeight + Self.rowGap
      }
    }
    var routes: [Route] = []
    var lowest = Self.margin + tallest
    var rightmost = max(x - Self.columnGap + Self.margin, 2 * Self.margin + Self.minimumWidth)
    for edge in graph.edges {
      let route = Self.route(
        from: boxes[edge.from], to: boxes[edge.to], bottom: Self.margin + tallest)
      if route.isBackward { lowest = max(lowest, route.labelY + 14) }
      rightmost = max(rightmost, route.labelX + 40)
      routes.append(route)
    }
    self.boxes = boxes
    self.routes = routes
    self.width = rightmost
    self.height = lowest + Self.margin
  }

  /// Column of every node: longest path from the roots once the edges closing cycles are set aside.
  static func layers(_ graph: TopologyGraph) -> [Int] {
    let count = graph.nodes.count
    var outgoing = Array(repeating: [Int](), count: count)
    var incoming = Array(repeating: 0, count: count)
    for edge in graph.edges {
      outgoing[edge.from].append(edge.to)
      incoming[edge.to] += 1
    }
    for index in 0..<count { outgoing[index].sort() }
    // Depth-first from clients, then origins, then nodes nobody calls, then the rest.
    var roots = (0..<count).filter { graph.nodes[$0].kind == .client }
    roots += graph.origins.filter { !roots.contains($0) }
    roots += (0..<count).filter { incoming[$0] == 0 && !roots.contains($0) }
    roots += (0..<count).filter { !roots.contains($0) }
    enum Mark { case unvisited, active, done }
    var marks = Array(repeating: Mark.unvisited, count: count)
    var forward = Array(repeating: [Int](), count: count)
    var finished: [Int] = []
    for root in roots where marks[root] == .unvisited {
      var stack: [(node: Int, next: Int)] = [(root, 0)]
      marks[root] = .active
      while let top = stack.last {
        if top.next < outgoing[top.node].count {
          stack[stack.count - 1].next += 1
          let target = outgoing[top.node][top.next]
          switch marks[target] {
          case .active: break  // closes a cycle: drawn backwards
          case .done: forward[top.node].append(target)
          case .unvisited:
            forward[top.node].append(target)
            marks[target] = .active
            stack.append((target, 0))
          }
        } else {
          marks[top.node] = .done
          finished.append(top.node)
          stack.removeLast()
        }
      }
    }
    var layers = Array(repeating: 0, count: count)
    for node in finished.reversed() {
      for target in forward[node] { layers[target] = max(layers[target], layers[node] + 1) }
    }
    return layers
  }

  /// Nodes of each column, top to bottom: by the mean row of their callers (two sweeps), ties by name.
  static func order(_ graph: TopologyGraph, layers: [Int]) -> [[Int]] {
    let depth = (layers.max() ?? -1) + 1
    var columns = Array(repeating: [Int](), count: depth)
    for index in graph.nodes.indices { columns[layers[index]].append(index) }
    var row = Array(repeating: 0, count: graph.nodes.count)
    func number() {
      for column in columns { for (position, node) in column.enumerated() { row[node] = position } }
    }
    number()
    for _ in 0..<2 {
      for layer in 1..<max(depth, 1) {
        let keyed = columns[layer].map { node -> (node: Int, key: Int) in
          let callers = graph.edges.filter { $0.to == node && layers[$0.from] < layers[node] }.map(
            \.from)
          let key =
            callers.isEmpty
            ? row[node] * 1000 : callers.map { row[$0] * 1000 }.reduce(0, +) / callers.count
          return (node, key)
        }
        columns[layer] = keyed.sorted { ($0.key, $0.node) < ($1.key, $1.node) }.map(\.node)
        number()
      }
    }
    return columns
  }

  /// A forward edge is an S-curve from the caller's right side to the callee's left side; an edge
  /// within a column loops out to the column's right; an edge back to an earlier column is an arc
  /// under the whole drawing (`bottom` is the lowest node edge).
  static func route(from a: Box, to b: Box, bottom: Int) -> Route {
    if b.layer > a.layer {
      let (x0, y0, x3, y3) = (a.x + a.width, a.midY, b.x, b.midY)
      let bend = (x3 - x0) / 2
      let path = "M\(x0),\(y0) C\(x0 + bend),\(y0) \(x3 - bend),\(y3) \(x3 - 4),\(y3)"
      return Route(path: path, labelX: (x0 + x3) / 2, labelY: (y0 + y3) / 2, isBackward: false)
    }
    if b.layer == a.layer {
      let (x0, y0, x3, y3) = (a.x + a.width, a.midY + 6, b.x + b.width + 4, b.midY - 6)
      let reach = max(x0, x3) + 48
      let path = "M\(x0),\(y0) C\(reach),\(y0) \(reach),\(y3) \(x3),\(y3)"
      return Route(path: path, labelX: max(x0, x3) + 36, labelY: (y0 + y3) / 2, isBackward: false)
    }
    let (x0, y0, x3, y3) = (
      a.x + a.width / 2 + 8, a.y + a.height, b.x + b.width / 2 - 8, b.y + b.height + 4
    )
    let dip = bottom + 40 + (a.layer - b.layer) * 10
    let path = "M\(x0),\(y0) C\(x0),\(dip) \(x3),\(dip) \(x3),\(y3)"
    // The curve's midpoint: (P0 + 3·P1 + 3·P2 + P3) / 8.
    let labelY = (y0 + 6 * dip + y3) / 8
    return Route(path: path, labelX: (x0 + x3) / 2, labelY: labelY, isBackward: true)
  }
}
