import Diagnostics

/// The state of one `JSONReader.parse` call: the bytes, the read position and its line/column.
///
/// Arrays and objects are read with an explicit stack instead of recursion, so nesting depth
/// is bounded by `JSONReader.maximumNestingDepth` rather than by the thread's stack size.
struct JSONParser {
  /// Unwinds the parser after a fatal syntax error has been reported.
  struct Failure: Error {}

  /// An array or object whose closing bracket has not been read yet.
  struct OpenContainer {
    var isObject: Bool
    var location: SourceLocation
    var path: JSONPath
    var elements: [JSONNode] = []
    var object = JSONObject()
    var pendingKey: (key: String, location: SourceLocation)?

    var closer: UInt8 { isObject ? UInt8(ascii: "}") : UInt8(ascii: "]") }
    var memberName: String { isObject ? "object member" : "array element" }

    var node: JSONNode {
      JSONNode(value: isObject ? .object(object) : .array(elements), location: location, path: path)
    }
  }

  let bytes: [UInt8]
  let file: String
  let diagnostics: DiagnosticEngine
  var index = 0
  var line = 1
  var column = 1

  init(bytes: [UInt8], file: String, diagnostics: DiagnosticEngine) {
    self.bytes = bytes
    self.file = file
    self.diagnostics = diagnostics
  }

  /// Reads the whole document: one value surrounded by whitespace and comments.
  mutating func parseDocument() -> JSONNode? {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    do {
      try skipTrivia(path: .root)
      guard index < bytes.count else {
        diagnostics.error(
          .syntaxEmptyDocument, "expected a JSON value, found end of input", at: location,
          path: JSONPath.root.description)
        return nil
      }
      let root = try parseValue()
      try skipTrivia(path: .root)
      if index < bytes.count {
        throw unexpected(
          "end of input after the top-level value", id: .syntaxTrailingContent, path: .root)
      }
      return root
    } catch {
      return nil
    }
  }

  /// Reads one value, including everything nested in it.
  mutating func parseValue() throws(Failure) -> JSONNode {
    var stack: [OpenContainer] = []
    var path = JSONPath.root
    while true {
      try skipTrivia(path: path)
      let start = location
      var node: JSONNode
      if let byte = peek(), byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
        guard stack.count < JSONReader.maximumNestingDepth else {
          throw fail(
            .syntaxNestingTooDeep,
            "expected at most \(JSONReader.maximumNestingDepth) nested arrays and objects, "
              + "found deeper nesting", at: start, path: path)
        }
        var container = OpenContainer(
          isObject: byte == UInt8(ascii: "{"), location: start, path: path)
        advance()
        try skipTrivia(path: path)
        if peek() == container.closer {
          advance()
          node = container.node
        } else {
          if container.isObject {
            try readKey(into: &container, expecting: "a string key or '}'")
          }
          path = childPath(of: container)
          stack.append(container)
          continue
        }
      } else {
        node = try parseScalar(at: path, expecting: expectation(inside: stack.last))
      }
      // Attach the finished value to its container, closing every container that ends here.
      while true {
        guard var container = stack.popLast() else { return node }
        attach(node, to: &container)
        try skipTrivia(path: container.path)
        let separators = "',' or '\(Character(Unicode.Scalar(container.closer)))'"
        guard let byte = peek() else {
          throw unexpected(
            "\(separators) after \(container.memberName)", path: container.path,
            notes: [openedHere(container)])
        }
        if byte == container.closer {
          advance()
          node = container.node
          continue
        }
        guard byte == UInt8(ascii: ",") else {
          throw unexpected("\(separators) after \(container.memberName)", path: container.path)
        }
        let comma = location
        advance()
        try skipTrivia(path: container.path)
        if peek() == container.closer {
          reportTrailingComma(at: comma, in: container)
          advance()
          node = container.node
          continue
        }
        if container.isObject {
          try readKey(into: &container, expecting: "a string key after ','")
        }
        path = childPath(of: container)
        stack.append(container)
        break
      }
    }
  }

  /// Reads `"key" :` and remembers the key for the member's value.
  private mutating func readKey(
    into container: inout OpenContainer, expecting expectation: String
  ) throws(Failure) {
    guard peek() == UInt8(ascii: "\"") else {
      throw unexpected(
        expectation, path: container.path, hint: "object keys must be strings in double quotes")
    }
    let keyLocation = location
    let key = try parseString(path: container.path)
    try skipTrivia(path: container.path)
    guard peek() == UInt8(ascii: ":") else {
      throw unexpected("':' after object key '\(key)'", path: container.path.appending(key: key))
    }
    advance()
    container.pendingKey = (key, keyLocation)
  }

  /// Adds a finished value to its container, reporting a repeated key.
  private func attach(_ node: JSONNode, to container: inout OpenContainer) {
    guard container.isObject else {
      container.elements.append(node)
      return
    }
    guard let (key, keyLocation) = container.pendingKey else { return }
    container.pendingKey = nil
    let member = JSONObject.Member(key: key, keyLocation: keyLocation, value: node)
    if let first = container.object.append(member) {
      diagnostics.error(
        .syntaxDuplicateKey, "duplicate key '\(key)' in object", at: keyLocation,
        path: node.path.description,
        notes: [
          Diagnostic.Note(message: "first occurrence of '\(key)'", location: first.keyLocation)
        ],
        hint: "JSON readers disagree on which value wins; keep only one")
    }
  }

  private func reportTrailingComma(at comma: SourceLocation, in container: OpenContainer) {
    let closer = Character(Unicode.Scalar(container.closer))
    diagnostics.error(
      .syntaxTrailingComma,
      "expected another \(container.memberName) after ',', found '\(closer)'",
      at: comma, path: container.path.description,
      hint: "JSON does not allow a comma after the last \(container.memberName); remove it")
  }

  private func childPath(of container: OpenContainer) -> JSONPath {
    if let key = container.pendingKey?.key { return container.path.appending(key: key) }
    return container.path.appending(index: container.elements.count)
  }

  /// What a value is expected to be in the innermost open container, for messages.
  private func expectation(inside container: OpenContainer?) -> String {
    guard let container else { return "a JSON value" }
    if let key = container.pendingKey?.key { return "a value for key '\(key)'" }
    return container.elements.isEmpty ? "an array element or ']'" : "an array element"
  }

  private func openedHere(_ container: OpenContainer) -> Diagnostic.Note {
    let opener = container.isObject ? "{" : "["
    return Diagnostic.Note(message: "to match this '\(opener)'", location: container.location)
  }
}
