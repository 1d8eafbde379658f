import Diagnostics
import ScenarioFormat
import Testing
import SimTestSupport

/// An enumeration shaped like App Mesh's egress filter type.
enum EgressFilterType: String, CaseIterable {
  case allowAll = "ALLOW_ALL"
  case dropAll = "DROP_ALL"
}

@Suite struct ObjectReaderTests {
  /// Parses marked text and returns a reader for its root object plus the engine and markers.
  private func reader(_ source: String, what: String = "virtual node") throws
    -> (ObjectReader, DiagnosticEngine, MarkedText)
  {
    let marked = MarkedText(source)
    let engine = DiagnosticEngine()
    let node = try #require(JSONReader.parse(marked.text, file: "test.json", diagnostics: engine))
    let context = DecodingContext(file: "test.json", diagnostics: engine)
    let reader = try #require(ObjectReader(node, context: context, what: what))
    return (reader, engine, marked)
  }

  @Test func unknownKeySuggestsClosestQueriedKey() throws {
    let (reader, engine, marked) = try reader(
      """
      {
        "meshName": "m",
        1️⃣"virtualNodeNmae": "orders",
        "arn": "arn:aws:appmesh:…",
        "spec": {}
      }
      """)
    #expect(reader.string("meshName", required: true) == "m")
    #expect(reader.string("virtualNodeName") == nil)
    #expect(reader.object("spec", what: "virtual node spec") != nil)
    reader.accept(["arn", "metadata", "status"])
    reader.finish()
    reader.finish()
    #expect(
      engine.diagnostics == [
        Diagnostic(
          id: .schemaUnknownKey, message: "unknown key 'virtualNodeNmae' in virtual node",
          location: marked.location("1️⃣"), path: "/virtualNodeNmae",
          notes: [Diagnostic.Note(message: "did you mean 'virtualNodeName'?")])
      ])
  }

  @Test func unknownKeyWithoutCloseMatchListsAllowedKeys() throws {
    let (reader, engine, marked) = try reader(#"{"port": 80, 1️⃣"completelyDifferent": 1}"#)
    _ = reader.int("port")
    _ = reader.has("name")
    reader.accept(["arn"])
    reader.finish()
    #expect(engine.diagnostics.count == 1)
    let diagnostic = try #require(engine.diagnostics.first)
    #expect(diagnostic.location == marked.location("1️⃣"))
    #expect(diagnostic.notes.isEmpty)
    #expect(diagnostic.hint == "allowed keys: arn, name, port")
  }

  @Test func objectWithNoAllowedKeysSaysSo() throws {
    let (reader, engine, _) = try reader(#"{"x": 1}"#, what: "'tcp'")
    reader.finish()
    #expect(engine.diagnostics.first?.hint == "'tcp' takes no keys")
  }

  @Test func queriedAndAcceptedKeysAreNotUnknown() throws {
    let (reader, engine, _) = try reader(#"{"a": 1, "b": 2, "createdAt": 3, "d": 4}"#)
    #expect(reader.has("a"))
    #expect(!reader.has("zzz"))
    _ = reader.node("b")
    _ = reader.string("d")  // wrong type, but still understood
    reader.accept(["createdAt"])
    reader.finish()
    #expect(engine.diagnostics.map(\.id) == [.schemaTypeMismatch])
  }

  @Test func missingRequiredKeyPointsAtTheObject() throws {
    let (reader, engine, marked) = try reader(#"{"spec": 1️⃣{"port": 80}}"#)
    let spec = try #require(reader.object("spec", what: "listener"))
    #expect(spec.string("protocol", required: true) == nil)
    #expect(spec.int("port", required: true) == 80)
    #expect(spec.bool("enabled") == nil)
    #expect(
      engine.diagnostics == [
        Diagnostic(
          id: .schemaMissingKey, message: "missing required key 'protocol' in listener",
          location: marked.location("1️⃣"), path: "/spec")
      ])
  }

  @Test func typeMismatchNamesExpectedAndFoundTypes() throws {
    let (reader, engine, marked) = try reader(
      #"{"routes": [{"weight": 1️⃣"90"}], "hosts": 2️⃣{}, "spec": 3️⃣[], "on": 4️⃣1, "r": 5️⃣true}"#)
    let route = try #require(reader.array("routes")?.first)
    let routeReader = try #require(reader.object(route, what: "weighted target"))
    #expect(routeReader.int("weight", required: true) == nil)
    #expect(reader.stringArray("hosts") == nil)
    #expect(reader.object("spec", what: "virtual node spec") == nil)
    #expect(reader.bool("on") == nil)
    #expect(reader.double("r") == nil)
    let found = engine.diagnostics.map { ($0.message, $0.location, $0.path) }
    let expected: [(String, SourceLocation?, String?)] = [
      ("expected integer for 'weight', found string", marked.location("1️⃣"), "/routes/0/weight"),
      ("expected array for 'hosts', found object", marked.location("2️⃣"), "/hosts"),
      ("expected object for virtual node spec, found array", marked.location("3️⃣"), "/spec"),
      ("expected boolean for 'on', found number", marked.location("4️⃣"), "/on"),
      ("expected number for 'r', found boolean", marked.location("5️⃣"), "/r"),
    ]
    #expect(found.count == expected.count)
    for (actual, wanted) in zip(found, expected) {
      #expect(actual.0 == wanted.0)
      #expect(actual.1 == wanted.1)
      #expect(actual.2 == wanted.2)
    }
    #expect(engine.diagnostics.allSatisfy { $0.id == .schemaTypeMismatch })
  }

  @Test(
    arguments: [
      (#"{"port": 8080}"#, 8080, nil),
      (#"{"port": 70000}"#, nil, "value 70000 for 'port' is out of range 1...65535"),
      (#"{"port": 0}"#, nil, "value 0 for 'port' is out of range 1...65535"),
      (#"{"port": 80.5}"#, nil, "expected integer for 'port', found number 80.5"),
      (#"{"port": 8e3}"#, nil, "expected integer for 'port', found number 8e3"),
      (
        #"{"port": 99999999999999999999}"#, nil,
        "value 99999999999999999999 for 'port' is out of range 1...65535"
      ),
    ] as [(String, Int?, String?)])
  func intChecksIntegralityAndRange(source: String, value: Int?, message: String?) throws {
    let (reader, engine, _) = try reader(source)
    #expect(reader.int("port", range: 1...65535) == value)
    #expect(engine.diagnostics.map(\.message) == (message.map { [$0] } ?? []))
    #expect(engine.diagnostics.allSatisfy { $0.path == "/port" })
  }

  @Test func intWithoutRangeRejectsOnlyWhatDoesNotFit() throws {
    let (reader, engine, _) = try reader(#"{"a": -5, "b": 99999999999999999999}"#)
    #expect(reader.int("a") == -5)
    #expect(reader.int("b") == nil)
    #expect(
      engine.diagnostics.map(\.message) == [
        "value 99999999999999999999 for 'b' is too large for an integer"
      ])
    #expect(engine.diagnostics.map(\.id) == [.schemaValueOutOfRange])
  }

  @Test func doubleAcceptsIntegersAndRejectsInfinity() throws {
    let (reader, engine, _) = try reader(#"{"a": 3, "b": 0.25, "c": 1e999}"#)
    #expect(reader.double("a") == 3)
    #expect(reader.double("b") == 0.25)
    #expect(reader.double("c") == nil)
    #expect(engine.diagnostics.map(\.id) == [.schemaValueOutOfRange])
  }

  @Test func nullReadsAsAbsentUnlessRequired() throws {
    let (reader, engine, marked) = try reader(#"{"a": null, "b": 1️⃣null}"#)
    #expect(reader.string("a") == nil)
    #expect(reader.node("a")?.isNull == true)
    #expect(engine.diagnostics.isEmpty)
    #expect(reader.string("b", required: true) == nil)
    #expect(engine.diagnostics.map(\.message) == ["expected string for 'b', found null"])
    #expect(engine.diagnostics.first?.location == marked.location("1️⃣"))
  }

  @Test(
    arguments: [
      ("DROP_ALL", EgressFilterType.dropAll, "did you mean 'DROP_ALL'?"),
      ("DROPALL", nil, "did you mean 'DROP_ALL'?"),
      ("drop_all", nil, "did you mean 'DROP_ALL'?"),
      ("ALLOWALL", nil, "did you mean 'ALLOW_ALL'?"),
      ("NOTHING_LIKE_IT", nil, nil),
    ] as [(String, EgressFilterType?, String?)])
  func enumValueSuggestsClosestCase(text: String, value: EgressFilterType?, note: String?) throws {
    let (reader, engine, marked) = try reader(#"{"type": 1️⃣"\#(text)"}"#)
    #expect(reader.enumValue("type", EgressFilterType.self, required: true) == value)
    if value != nil {
      #expect(engine.diagnostics.isEmpty)
      return
    }
    let diagnostic = try #require(engine.diagnostics.first)
    #expect(diagnostic.id == .schemaInvalidValue)
    #expect(
      diagnostic.message
        == "invalid value '\(text)' for 'type'; expected one of ALLOW_ALL, DROP_ALL")
    #expect(diagnostic.notes.map(\.message) == (note.map { [$0] } ?? []))
    #expect(diagnostic.location == marked.location("1️⃣"))
    #expect(diagnostic.path == "/type")
  }

  @Test func stringArrayReportsEveryBadElement() throws {
    let (reader, engine, marked) = try reader(#"{"hosts": ["a", 1️⃣1, "c", 2️⃣[]], "ok": ["x", "y"]}"#)
    #expect(reader.stringArray("ok") == ["x", "y"])
    #expect(reader.stringArray("hosts") == nil)
    #expect(
      engine.diagnostics.map(\.message) == [
        "expected string for element 1 of 'hosts', found number",
        "expected string for element 3 of 'hosts', found array",
      ])
    #expect(engine.diagnostics.map(\.location) == [marked.location("1️⃣"), marked.location("2️⃣")])
    #expect(engine.diagnostics.map(\.path) == ["/hosts/1", "/hosts/3"])
  }

  @Test func elementHelpersReadArrayElements() throws {
    let (reader, engine, _) = try reader(
      #"{"weights": [1, 2, 300], "names": ["a", 5], "targets": [{"n": 1}, 7, {"n": 2}]}"#)
    let weights = try #require(reader.array("weights"))
    #expect(weights.map { reader.int($0, what: "weight", range: 0...100) } == [1, 2, nil])
    let names = try #require(reader.array("names"))
    #expect(names.map { reader.string($0, what: "name") } == ["a", nil])
    #expect(reader.context.bool(names[0], what: "flag") == nil)
    #expect(reader.double(weights[2], what: "ratio") == 300)
    #expect(reader.bool(names[1], what: "flag") == nil)
    let targets = try #require(reader.objectArray("targets", what: "weighted target"))
    #expect(targets.map { $0.int("n") } == [1, 2])
    #expect(targets.map(\.node.path.description) == ["/targets/0", "/targets/2"])
    #expect(
      engine.diagnostics.map(\.message) == [
        "value 300 for weight is out of range 0...100",
        "expected boolean for flag, found string",
        "expected boolean for flag, found number",
        "expected string for name, found number",
        "expected object for weighted target, found number",
      ])
  }

  @Test func readerRejectsNonObjects() throws {
    let engine = DiagnosticEngine()
    let context = DecodingContext(file: "test.json", diagnostics: engine)
    let node = try #require(JSONReader.parse("[1]", file: "test.json", diagnostics: engine))
    #expect(ObjectReader(node, context: context, what: "scenario") == nil)
    #expect(engine.diagnostics.map(\.message) == ["expected object for scenario, found array"])
    #expect(engine.diagnostics.first?.path == "/")
    #expect(context.file == "test.json")
  }

  @Test func contextReportsCustomDiagnosticsAtNodes() throws {
    let (reader, engine, marked) = try reader(#"{"name": 1️⃣"dup"}"#)
    let name = try #require(reader.node("name"))
    reader.context.error("model.duplicate-name", "duplicate name 'dup'", at: name, hint: "rename")
    reader.context.warning("model.route-shadowed", "shadowed", at: name)
    #expect(engine.errorCount == 1)
    #expect(engine.warningCount == 1)
    #expect(
      engine.diagnostics.allSatisfy { $0.location == marked.location("1️⃣") && $0.path == "/name" })
  }
}
