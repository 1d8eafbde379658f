import SimKernel

/// A decoded scenario file: every section in the AWS API shapes of its service, with names as
/// the user wrote them (references are resolved later, by `ModelBuilder`).
public struct ScenarioDocument: Sendable {
  public var file: String
  public var name: String
  public var description: String?
  public var seed: UInt64
  public var region: String
  public var accountID: String
  public var ec2 = EC2Section()
  public var cloudMap = CloudMapSection()
  public var ecs = ECSSection()
  public var elb = ELBSection()
  public var appMesh = AppMeshSection()
  public var lattice = LatticeSection()
  public var external: [ExternalEndpointSpec] = []
  public var clients: [ClientSpec] = []
  public var traffic: [TrafficSpec] = []
  public var events: [EventSpec] = []
  public var expectations: [ExpectationSpec] = []
  public var simulation = SimulationSettingsSpec()
  public var source: SourceRef
  /// The positioned JSON tree, so later stages can point diagnostics at one field.
  public var root: JSONNode?

  public init(
    file: String, name: String, seed: UInt64, region: String, accountID: String, source: SourceRef
  ) {
    self.file = file
    self.name = name
    self.seed = seed
    self.region = region
    self.accountID = accountID
    self.source = source
  }
}

extension ScenarioDocument {
  /// The source of field `key` (and optionally element `index` of it) inside the element at
  /// `parent`; falls back to `parent` when the field is absent.
  public func field(_ parent: SourceRef, _ key: String, index: Int? = nil) -> SourceRef {
    guard var node = root else { return parent }
    for component in parent.jsonPath.components {
      guard let child = node.child(component) else { return parent }
      node = child
    }
    guard let keyed = node.child(.key(key)) else { return parent }
    guard let index else { return SourceRef(keyed) }
    return keyed.child(.index(index)).map(SourceRef.init) ?? SourceRef(keyed)
  }
}

extension JSONNode {
  /// The direct child at one path component, if present.
  public func child(_ component: JSONPath.Component) -> JSONNode? {
    switch (component, value) {
    case (.key(let key), .object(let object)): return object[key]
    case (.index(let index), .array(let items)):
      return items.indices.contains(index) ? items[index] : nil
    default: return nil
    }
  }
}
