import Diagnostics
import ScenarioFormat
import Testing
import SimTestSupport

@Suite struct JSONReaderTests {
  private func parse(_ text: String) throws -> JSONNode {
    let engine = DiagnosticEngine()
    let node = JSONReader.parse(text, file: "test.json", diagnostics: engine)
    #expect(engine.diagnostics.isEmpty, "\(engine.diagnostics)")
    return try #require(node)
  }

  @Test func readsEveryKindOfValue() throws {
    let node = try parse(
      #"{"s": "x", "n": -1.5e3, "t": true, "f": false, "z": null, "a": [], "o": {}}"#)
    let object = try #require(node.objectValue)
    #expect(object.keys == ["s", "n", "t", "f", "z", "a", "o"])
    #expect(object["s"]?.stringValue == "x")
    #expect(object["n"]?.numberValue == JSONNumber(text: "-1.5e3"))
    #expect(object["t"]?.boolValue == true)
    #expect(object["f"]?.boolValue == false)
    #expect(object["z"]?.isNull == true)
    #expect(object["a"]?.arrayValue?.isEmpty == true)
    #expect(object["o"]?.objectValue?.isEmpty == true)
    #expect(
      object.members.map { $0.value.value.kindName } == [
        "string", "number", "boolean", "boolean", "null", "array", "object",
      ])
    #expect(object["missing"] == nil)
  }

  @Test func everyValueKnowsItsLocationAndPath() throws {
    let marked = MarkedText(
      """
      1️⃣{
        "ecs": {
          2️⃣"services": 3️⃣[
            4️⃣{ "name": 5️⃣"orders", "ports": [80, 6️⃣443] },
            7️⃣"é🙂" , 8️⃣{"a/b~c": 9️⃣null}
          ]
        }
      }
      """)
    let node = try parse(marked.text)
    #expect(node.location == marked.location("1️⃣"))
    #expect(node.path == .root)
    let ecs = try #require(node.objectValue?["ecs"]?.objectValue)
    #expect(ecs.member("services")?.keyLocation == marked.location("2️⃣"))
    let services = try #require(ecs["services"])
    #expect(services.location == marked.location("3️⃣"))
    #expect(services.path.description == "/ecs/services")
    let elements = try #require(services.arrayValue)
    #expect(
      elements.map(\.location) == [
        marked.location("4️⃣"), marked.location("7️⃣"), marked.location("8️⃣"),
      ])
    let name = try #require(elements[0].objectValue?["name"])
    #expect(name.location == marked.location("5️⃣"))
    #expect(name.path.description == "/ecs/services/0/name")
    let port = try #require(elements[0].objectValue?["ports"]?.arrayValue?[1])
    #expect(port.location == marked.location("6️⃣"))
    #expect(port.path.description == "/ecs/services/0/ports/1")
    let escaped = try #require(elements[2].objectValue?["a/b~c"])
    #expect(escaped.location == marked.location("9️⃣"))
    #expect(escaped.path.description == "/ecs/services/2/a~1b~0c")
  }

  @Test func resolvesEscapes() throws {
    let node = try parse(#"["\"\\\/\b\f\n\r\t\u00e9\u00E9\ud83d\ude00\u0000"]"#)
    #expect(node.arrayValue?.first?.stringValue == "\"\\/\u{8}\u{C}\n\r\té\u{E9}😀\u{0}")
  }

  @Test func keepsNonASCIIText() throws {
    let node = try parse("[\"日本語 🙂 e\u{301}\"]")
    #expect(node.arrayValue?.first?.stringValue?.unicodeScalars.count == 8)
  }

  @Test func acceptsCommentsWhitespaceAndByteOrderMark() throws {
    let text = """
      // scenario header
      { /* inline */ "a" /* before colon */ : // after colon
        [1, /* between */ 2] }
      // trailing comment without newline
      """
    #expect(try parse(text).objectValue?["a"]?.arrayValue?.count == 2)
    let engine = DiagnosticEngine()
    let withMark = JSONReader.parse(
      [0xEF, 0xBB, 0xBF] + Array("\t{\"a\": 1}".utf8), file: "f", diagnostics: engine)
    #expect(withMark?.location == SourceLocation(file: "f", line: 1, column: 2))
    #expect(engine.diagnostics.isEmpty)
  }

  @Test func acceptsAnyTopLevelValue() throws {
    #expect(try parse(" 42 ").numberValue?.int64Value == 42)
    #expect(try parse("\"x\"").stringValue == "x")
    #expect(try parse("null").isNull)
  }

  @Test func readsLargeDocuments() throws {
    let elements = (0..<20_000).map { "{\"i\": \($0)}" }.joined(separator: ",")
    let node = try parse("[" + elements + "]")
    let last = try #require(node.arrayValue?.last)
    #expect(last.path.description == "/19999")
    #expect(last.objectValue?["i"]?.numberValue?.int64Value == 19_999)
  }

  @Test func objectKeepsFirstOfRepeatedKeysAndReplacesMembers() {
    let location = SourceLocation(file: "f", line: 1, column: 1)
    func member(_ key: String, _ value: Bool) -> JSONObject.Member {
      JSONObject.Member(
        key: key, keyLocation: location,
        value: JSONNode(value: .bool(value), location: location, path: .root))
    }
    var object = JSONObject(members: [member("a", true), member("a", false)])
    #expect(object["a"]?.boolValue == true)
    #expect(object.append(member("b", true)) == nil)
    #expect(object.append(member("b", false))?.value.boolValue == true)
    object.members = [member("c", false)]
    #expect(object["a"] == nil)
    #expect(object["c"]?.boolValue == false)
  }
}
