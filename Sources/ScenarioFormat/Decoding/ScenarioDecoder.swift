import Diagnostics

/// Stage 2 of the pipeline: turns the positioned JSON tree into a ``ScenarioDocument``.
///
/// Every problem is reported to the diagnostic engine and decoding carries on, so a user sees
/// all mistakes in one go; elements that cannot be decoded are left out.
public enum ScenarioDecoder {
  /// Reads and decodes scenario bytes. Returns nil when the document is unusable (syntax error,
  /// not an object); otherwise a document, with any problems in `diagnostics`.
  public static func decode(bytes: [UInt8], file: String, diagnostics: DiagnosticEngine)
    -> ScenarioDocument?
  {
    guard let root = JSONReader.parse(bytes, file: file, diagnostics: diagnostics) else {
      return nil
    }
    let context = DecodingContext(file: file, diagnostics: diagnostics)
    guard let r = context.object(root, what: "scenario") else { return nil }
    defer { r.finish() }
    r.accept(["$schema"])
    let name = r.string("name", required: true) ?? ""
    var document = ScenarioDocument(
      file: file, name: name, seed: UInt64(r.int("seed", range: 0...Int.max) ?? 1),
      region: r.string("region") ?? "us-east-1", accountID: r.string("accountId") ?? "123456789012",
      source: SourceRef(root))
    document.description = r.string("description")
    document.root = root
    if let ec2 = section(r, "ec2", EC2SectionDecoder.decode) { document.ec2 = ec2 }
    if let cloudMap = section(r, "cloudMap", CloudMapSectionDecoder.decode) {
      document.cloudMap = cloudMap
    }
    if let ecs = section(r, "ecs", ECSSectionDecoder.decode) { document.ecs = ecs }
    if let elb = section(r, "elb", ELBSectionDecoder.decode) { document.elb = elb }
    if let appMesh = section(r, "appMesh", AppMeshSectionDecoder.decode) {
      document.appMesh = appMesh
    }
    if let lattice = section(r, "lattice", LatticeSectionDecoder.decode) {
      document.lattice = lattice
    }
    document.external = context.objects(r.array("external"), what: "external endpoint") {
      SimulationSectionsDecoder.external($0)
    }
    document.clients = context.objects(r.array("clients"), what: "client") {
      SimulationSectionsDecoder.client($0)
    }
    document.traffic = context.objects(r.array("traffic"), what: "traffic stream") {
      SimulationSectionsDecoder.traffic($0)
    }
    document.events = context.objects(r.array("events"), what: "event") { EventDecoder.event($0) }
    document.expectations = context.objects(r.array("expect"), what: "expectation") {
      ExpectationDecoder.expectation($0)
    }
    if let simulation = r.object("simulation", what: "simulation settings") {
      document.simulation = SimulationSectionsDecoder.settings(simulation)
      simulation.finish()
    }
    return document
  }

  /// The section object under `key` decoded by `decode`, its unknown keys reported; nil when
  /// the scenario has no such section (or it is not an object, reported).
  static func section<Section>(
    _ r: ObjectReader, _ key: String, _ decode: (ObjectReader) -> Section
  ) -> Section? {
    guard let reader = r.object(key, what: "\(key) section") else { return nil }
    defer { reader.finish() }
    return decode(reader)
  }
}
