import RouteMatching
import Testing

@Suite struct CompiledRegexTests {
  @Test(arguments: [
    ("redor.*", "redorange", true),
    ("redor.*", "redor", true),
    ("redor.*", "xredor", false),
    ("/api/v[0-9]+/users", "/api/v12/users", true),
    ("/api/v[0-9]+/users", "/api/v12/users/7", false),
    ("/api/v[0-9]+/users", "/api/vX/users", false),
    ("(GET|HEAD)", "HEAD", true),
    ("(GET|HEAD)", "HEADER", false),
    ("a", "A", false),
    ("(?i)a", "A", true),
    ("\\d{3}", "1234", false),
  ])
  func matchesTheWholeValue(_ pattern: String, _ text: String, _ expected: Bool) throws {
    let regex = try CompiledRegex(pattern: pattern)
    #expect(regex.wholeMatch(text) == expected)
  }

  @Test func invalidPatternThrowsReadableError() {
    #expect {
      try CompiledRegex(pattern: "a(b")
    } throws: { error in
      guard let invalid = error as? CompiledRegex.InvalidPattern else { return false }
      return invalid.pattern == "a(b" && invalid.description == "invalid regex 'a(b': expected ')'"
    }
  }

  @Test func emptyPatternIsRejected() {
    #expect(throws: CompiledRegex.InvalidPattern(pattern: "", problem: "the pattern is empty")) {
      try CompiledRegex(pattern: "")
    }
  }

  @Test func equalityFollowsThePatternText() throws {
    #expect(try CompiledRegex(pattern: "a.*") == CompiledRegex(pattern: "a.*"))
    #expect(try CompiledRegex(pattern: "a.*") != CompiledRegex(pattern: "a.+"))
    #expect(try CompiledRegex(pattern: "x+").description == "x+")
  }
}
