import RouteMatching
import Testing

@Suite struct PathMatchTests {
  struct Row: Sendable, CustomTestStringConvertible {
    let match: PathMatch
    let path: String
    let expected: Bool
    init(_ match: PathMatch, _ path: String, _ expected: Bool) {
      self.match = match
      self.path = path
      self.expected = expected
    }
    var testDescription: String { "\(match.summary) ~ '\(path)' → \(expected)" }
  }

  @Test(arguments: [
    // App Mesh: plain, case-sensitive string prefix; "/" matches everything.
    Row(.prefix("/", caseSensitive: true), "/anything", true),
    Row(.prefix("/api", caseSensitive: true), "/api/x", true),
    Row(.prefix("/api", caseSensitive: true), "/apix", true),
    Row(.prefix("/api", caseSensitive: true), "/API/x", false),
    Row(.prefix("/api", caseSensitive: true), "/ap", false),
    Row(.exact("/a", caseSensitive: true), "/a", true),
    Row(.exact("/a", caseSensitive: true), "/a/", false),
    // VPC Lattice: caseSensitive unset means false (behaviour 34).
    Row(.prefix("/api", caseSensitive: false), "/API/x", true),
    Row(.exact("/Health", caseSensitive: false), "/health", true),
    // ALB path-pattern: case-sensitive wildcards (behaviour 47).
    Row(.wildcard("/img/*", caseSensitive: true), "/img/x", true),
    Row(.wildcard("/img/*", caseSensitive: true), "/IMG/x", false),
    Row(.wildcard("/v?/users", caseSensitive: true), "/v2/users", true),
    Row(.wildcard("/v?/users", caseSensitive: true), "/v/users", false),
    Row(.wildcard("*", caseSensitive: true), "/", true),
  ])
  func matchesPaths(_ row: Row) {
    #expect(row.match.matches(row.path) == row.expected)
  }

  @Test func regexMatchesTheWholePath() throws {
    let match = PathMatch.regex(try CompiledRegex(pattern: "/users/[0-9]+"))
    #expect(match.matches("/users/42"))
    #expect(!match.matches("/users/42/orders"))
    #expect(match.summary == "path regex '/users/[0-9]+'")
  }

  @Test func summariesUseServiceVocabulary() {
    #expect(PathMatch.prefix("/api", caseSensitive: true).summary == "path prefix '/api'")
    #expect(
      PathMatch.exact("/a", caseSensitive: false).summary == "path exact '/a' (case-insensitive)")
    #expect(PathMatch.wildcard("/img/*", caseSensitive: true).summary == "path-pattern '/img/*'")
  }

  @Test func specificityIsTheLiteralLength() throws {
    #expect(PathMatch.prefix("/chapter", caseSensitive: true).specificity == 8)
    #expect(PathMatch.prefix("/", caseSensitive: true).specificity == 1)
    #expect(PathMatch.exact("/a/b", caseSensitive: true).specificity == 4)
    #expect(PathMatch.wildcard("/img/*", caseSensitive: true).specificity == 5)
    #expect(PathMatch.regex(try CompiledRegex(pattern: "/a.*")).specificity == 0)
  }

  @Test func longestPrefixFirstOrdersGatewayRoutes() {
    // Behaviour 20: unprioritised gateway routes '/chapter' and '/' → '/chapter/' goes to
    // '/chapter'. Converters sort by specificity, longest first, then take the first match.
    let routes: [PathMatch] = [
      .prefix("/", caseSensitive: true), .prefix("/chapter", caseSensitive: true),
    ]
    let ordered = routes.enumerated().sorted {
      ($1.element.specificity, $0.offset) < ($0.element.specificity, $1.offset)
    }.map(\.element)
    #expect(ordered.first { $0.matches("/chapter/") } == .prefix("/chapter", caseSensitive: true))
    #expect(ordered.first { $0.matches("/other") } == .prefix("/", caseSensitive: true))
  }

  @Test func implicationFollowsStringRules() {
    #expect(PathMatch.exact("/a", caseSensitive: true).implies(.prefix("/", caseSensitive: true)))
    #expect(!PathMatch.prefix("/", caseSensitive: true).implies(.exact("/a", caseSensitive: true)))
    #expect(
      PathMatch.prefix("/api", caseSensitive: true).implies(.wildcard("/*", caseSensitive: true)))
  }
}
