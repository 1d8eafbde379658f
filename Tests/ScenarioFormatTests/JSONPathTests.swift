import ScenarioFormat
import Testing

@Suite struct JSONPathTests {
  @Test func describesJSONPointer() {
    #expect(JSONPath.root.description == "/")
    let path = JSONPath.root.appending(key: "appMesh").appending(key: "routes")
      .appending(index: 1).appending(key: "spec")
    #expect(path.description == "/appMesh/routes/1/spec")
    #expect(path.components.count == 4)
    #expect(path.parent?.description == "/appMesh/routes/1")
    #expect(JSONPath.root.parent == nil)
  }

  @Test(arguments: [
    ("a/b", "/a~1b"), ("m~n", "/m~0n"), ("~/", "/~0~1"), ("", "/"), ("é 1", "/é 1"),
  ])
  func escapesTildeAndSlash(key: String, pointer: String) {
    #expect(JSONPath.root.appending(key: key).description == pointer)
  }

  @Test func emptyKeyDiffersFromRoot() {
    #expect(JSONPath.root.appending(key: "") != JSONPath.root)
    #expect(JSONPath.root.appending(key: "").appending(key: "").description == "//")
  }
}
