import Diagnostics
import ScenarioFormat
import Testing
import SimTestSupport

/// One malformed document, with `1️⃣` where the error must point.
struct SyntaxErrorCase: CustomTestStringConvertible, Sendable {
  let source: String
  let id: DiagnosticID
  let message: String
  var fatal = true

  var testDescription: String { "\(id): \(source.debugDescription)" }
}

@Suite struct JSONReaderSyntaxErrorTests {
  static let cases: [SyntaxErrorCase] = [
    .init(
      source: #"{"a": 1 1️⃣"b": 2}"#, id: .syntaxUnexpectedCharacter,
      message: #"expected ',' or '}' after object member, found '"'"#),
    .init(
      source: "[1, 2 1️⃣3]", id: .syntaxUnexpectedCharacter,
      message: "expected ',' or ']' after array element, found '3'"),
    .init(
      source: #"{"a": 1️⃣}"#, id: .syntaxUnexpectedCharacter,
      message: "expected a value for key 'a', found '}'"),
    .init(
      source: "{1️⃣name: 1}", id: .syntaxUnexpectedCharacter,
      message: "expected a string key or '}', found 'name'"),
    .init(
      source: #"{"a": 1, 1️⃣'b': 1}"#, id: .syntaxUnexpectedCharacter,
      message: "expected a string key after ',', found '''"),
    .init(
      source: #"{"a" 1️⃣1}"#, id: .syntaxUnexpectedCharacter,
      message: "expected ':' after object key 'a', found '1'"),
    .init(
      source: #"{"a": 1 1️⃣,}"#, id: .syntaxTrailingComma,
      message: "expected another object member after ',', found '}'", fatal: false),
    .init(
      source: "[1, 2 1️⃣, ]", id: .syntaxTrailingComma,
      message: "expected another array element after ',', found ']'", fatal: false),
    .init(
      source: "[1️⃣True]", id: .syntaxUnexpectedCharacter,
      message: "expected an array element or ']', found 'True'"),
    .init(
      source: "[1, 1️⃣+1]", id: .syntaxUnexpectedCharacter,
      message: "expected an array element, found '+'"),
    .init(
      source: "[1️⃣é]", id: .syntaxUnexpectedCharacter,
      message: "expected an array element or ']', found 'é' (U+00E9)"),
    .init(
      source: "[1️⃣\u{0}]", id: .syntaxUnexpectedCharacter,
      message: "expected an array element or ']', found control character U+0000"),
    .init(
      source: "[/1️⃣x]", id: .syntaxUnexpectedCharacter,
      message: "expected '/' or '*' after '/' to start a comment, found 'x'"),
    .init(
      source: #"{"a": 1️⃣"abc"#, id: .syntaxUnterminatedString,
      message: #"expected '"' to close the string, found end of input"#),
    .init(
      source: "{\"a\": 1️⃣\"abc\n}", id: .syntaxUnterminatedString,
      message: #"expected '"' to close the string, found end of line"#),
    .init(
      source: "[\"a1️⃣\u{9}\"]", id: .syntaxUnexpectedCharacter,
      message: #"expected a character or '"' in string, found control character U+0009"#),
    .init(
      source: #"["a1️⃣\q"]"#, id: .syntaxInvalidEscape,
      message:
        #"expected an escape (\", \\, \/, \b, \f, \n, \r, \t or \uXXXX) after '\', found 'q'"#),
    .init(
      source: #"["\u121️⃣z"]"#, id: .syntaxInvalidEscape,
      message: #"expected 4 hex digits after '\u', found 'z'"#),
    .init(
      source: #"["1️⃣\uD83D"]"#, id: .syntaxInvalidEscape,
      message:
        #"expected a low surrogate escape '\uDC00'…'\uDFFF' after high surrogate '\uD83D', found none"#
    ),
    .init(
      source: #"["\uD83D1️⃣\u0041"]"#, id: .syntaxInvalidEscape,
      message:
        #"expected a low surrogate escape '\uDC00'…'\uDFFF' after high surrogate '\uD83D', found '\u0041'"#
    ),
    .init(
      source: #"["x1️⃣\uDE00"]"#, id: .syntaxInvalidEscape,
      message:
        #"expected a high surrogate escape '\uD800'…'\uDBFF' before low surrogate '\uDE00', found none"#
    ),
    .init(
      source: "[01️⃣1]", id: .syntaxInvalidNumber,
      message: "expected '.', 'e' or the end of the number after leading '0' in '0', found '1'"),
    .init(
      source: "[-1️⃣a]", id: .syntaxInvalidNumber,
      message: "expected a digit after '-' in number, found 'a'"),
    .init(
      source: "[1.1️⃣]", id: .syntaxInvalidNumber,
      message: "expected a digit after '.' in number '1.', found ']'"),
    .init(
      source: "[1e+1️⃣]", id: .syntaxInvalidNumber,
      message: "expected a digit in the exponent of number '1e+', found ']'"),
    .init(
      source: "1️⃣", id: .syntaxEmptyDocument, message: "expected a JSON value, found end of input"),
    .init(
      source: "  // only a comment\n/* and another */ 1️⃣", id: .syntaxEmptyDocument,
      message: "expected a JSON value, found end of input"),
    .init(
      source: "{} 1️⃣{}", id: .syntaxTrailingContent,
      message: "expected end of input after the top-level value, found '{'"),
    .init(
      source: "{\"a\": [1, 2\n1️⃣", id: .syntaxUnexpectedEnd,
      message: "expected ',' or ']' after array element, found end of input"),
    .init(
      source: "[1] /* open1️⃣", id: .syntaxUnexpectedEnd,
      message: "expected '*/' to close the comment, found end of input"),
    .init(
      source: #"{"a": tru1️⃣"#, id: .syntaxUnexpectedEnd,
      message: "expected 'true', found end of input"),
    .init(
      source: "{\"é\": 1 1️⃣x}", id: .syntaxUnexpectedCharacter,
      message: "expected ',' or '}' after object member, found 'x'"),
    .init(
      source: "{\r\n  \"a\": 1\r\n  1️⃣\"b\": 2\r\n}", id: .syntaxUnexpectedCharacter,
      message: #"expected ',' or '}' after object member, found '"'"#),
  ]

  @Test(arguments: cases)
  func reportsErrorAtMarker(testCase: SyntaxErrorCase) throws {
    let marked = MarkedText(testCase.source)
    let engine = DiagnosticEngine()
    let node = JSONReader.parse(marked.text, file: "test.json", diagnostics: engine)
    #expect((node == nil) == testCase.fatal)
    try #require(engine.diagnostics.count == 1)
    let diagnostic = engine.diagnostics[0]
    #expect(diagnostic.id == testCase.id)
    #expect(diagnostic.message == testCase.message)
    #expect(diagnostic.location == marked.location("1️⃣"))
    #expect(diagnostic.severity == .error)
    #expect(diagnostic.path != nil)
  }

  @Test func unexpectedEndNotesTheOpeningBracket() {
    let marked = MarkedText("{\"routes\": 1️⃣[1, 2")
    let engine = DiagnosticEngine()
    #expect(JSONReader.parse(marked.text, file: "test.json", diagnostics: engine) == nil)
    #expect(
      engine.diagnostics.first?.notes == [
        Diagnostic.Note(message: "to match this '['", location: marked.location("1️⃣"))
      ])
    #expect(engine.diagnostics.first?.path == "/routes")
  }

  @Test func duplicateKeyIsReportedWithFirstOccurrenceAndKeepsTheFirstValue() throws {
    let marked = MarkedText(#"{"x": {2️⃣"a": 1, 1️⃣"a": 2}, "b": 3}"#)
    let engine = DiagnosticEngine()
    let node = try #require(JSONReader.parse(marked.text, file: "test.json", diagnostics: engine))
    #expect(
      engine.diagnostics == [
        Diagnostic(
          id: .syntaxDuplicateKey, message: "duplicate key 'a' in object",
          location: marked.location("1️⃣"), path: "/x/a",
          notes: [
            Diagnostic.Note(message: "first occurrence of 'a'", location: marked.location("2️⃣"))
          ],
          hint: "JSON readers disagree on which value wins; keep only one")
      ])
    let inner = try #require(node.objectValue?["x"]?.objectValue)
    #expect(inner.keys == ["a"])
    #expect(inner["a"]?.numberValue?.text == "1")
    #expect(node.objectValue?["b"]?.numberValue?.text == "3")
  }

  @Test func nestingIsLimited() {
    let depth = JSONReader.maximumNestingDepth
    let allowed = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    let engine = DiagnosticEngine()
    #expect(JSONReader.parse(allowed, file: "test.json", diagnostics: engine) != nil)
    #expect(engine.diagnostics.isEmpty)

    let deep = String(repeating: "[", count: 100_000)
    #expect(JSONReader.parse(deep, file: "test.json", diagnostics: engine) == nil)
    #expect(engine.diagnostics.map(\.id) == [.syntaxNestingTooDeep])
    #expect(engine.diagnostics.first?.location?.column == depth + 1)
    #expect(
      engine.diagnostics.first?.message
        == "expected at most 200 nested arrays and objects, found deeper nesting")
  }

  @Test(
    arguments: [
      ([0x5B, 0xFF, 0x5D], 2, "expected an array element or ']', found invalid UTF-8 byte 0xFF"),
      ([0x5B, 0x22, 0xC3, 0x22, 0x5D], 3, "invalid UTF-8 byte 0xC3 in string"),
      ([0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D], 3, "invalid UTF-8 byte 0xED in string"),
      ([0x5B, 0x22, 0xE0, 0x80, 0xAF, 0x22, 0x5D], 3, "invalid UTF-8 byte 0xE0 in string"),
      ([0x5B, 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22, 0x5D], 3, "invalid UTF-8 byte 0xF4 in string"),
      ([0x5B, 0x22, 0xF0, 0x9F, 0x98, 0x22, 0x5D], 3, "invalid UTF-8 byte 0xF0 in string"),
      ([0x2F, 0x2F, 0x20, 0x80, 0x0A, 0x31], 4, "invalid UTF-8 byte 0x80 in comment"),
    ] as [([UInt8], Int, String)])
  func invalidUTF8IsReportedAtTheByte(bytes: [UInt8], column: Int, message: String) {
    let engine = DiagnosticEngine()
    #expect(JSONReader.parse(bytes, file: "test.json", diagnostics: engine) == nil)
    #expect(engine.diagnostics.map(\.id) == [.syntaxInvalidUTF8])
    #expect(engine.diagnostics.first?.location?.line == 1)
    #expect(engine.diagnostics.first?.location?.column == column)
    #expect(engine.diagnostics.first?.message == message)
  }
}
