import Diagnostics

/// Where a decoded element came from: its position in the scenario file and its JSON pointer.
///
/// Every document element keeps one, so diagnostics from later stages and `explain` can point
/// back at the exact JSON the user wrote (Batfish keeps its vendor-independent lines 1:1 with the
/// input the same way).
public struct SourceRef: Hashable, Sendable, CustomStringConvertible {
  public var location: SourceLocation
  public var jsonPath: JSONPath
  public var path: String { jsonPath.description }

  public init(location: SourceLocation, jsonPath: JSONPath) {
    self.location = location
    self.jsonPath = jsonPath
  }

  public init(_ node: JSONNode) {
    self.init(location: node.location, jsonPath: node.path)
  }

  public var description: String { "\(location) \(path)" }
}
