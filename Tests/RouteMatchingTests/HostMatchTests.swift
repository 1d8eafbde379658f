import RouteMatching
import Testing

@Suite struct HostMatchTests {
  struct Row: Sendable, CustomTestStringConvertible {
    let match: HostMatch
    let host: String
    let expected: Bool
    init(_ match: HostMatch, _ host: String, _ expected: Bool) {
      self.match = match
      self.host = host
      self.expected = expected
    }
    var testDescription: String { "\(match.summary) ~ '\(host)' → \(expected)" }
  }

  @Test(arguments: [
    // ALB host-header (behaviour 47): case-insensitive, '*' needs the dot before the suffix.
    Row(.wildcard("*.example.com"), "a.example.com", true),
    Row(.wildcard("*.example.com"), "A.EXAMPLE.COM", true),
    Row(.wildcard("*.example.com"), "example.com", false),
    Row(.wildcard("*.example.com"), "a.b.example.com", true),
    Row(.wildcard("*.example.com"), "a.example.org", false),
    Row(.wildcard("api-?.example.com"), "api-1.example.com", true),
    Row(.wildcard("api-?.example.com"), "api-12.example.com", false),
    Row(.wildcard("www.example.com"), "WWW.Example.Com", true),
    // App Mesh gateway route hostname.
    Row(.exact("svc.local"), "SVC.local", true),
    Row(.exact("svc.local"), "svc.local.other", false),
    Row(.suffix(".example.com"), "www.example.com", true),
    Row(.suffix(".example.com"), "example.com", false),
    Row(.suffix("example.com"), "Example.COM", true),
  ])
  func matchesHostsCaseInsensitively(_ row: Row) {
    #expect(row.match.matches(row.host) == row.expected)
  }

  @Test func summariesNameTheMatchKind() {
    #expect(HostMatch.exact("svc.local").summary == "host exact 'svc.local'")
    #expect(HostMatch.suffix(".x.com").summary == "host suffix '.x.com'")
    #expect(HostMatch.wildcard("*.example.com").summary == "host-header '*.example.com'")
  }

  @Test func implicationIsCaseInsensitive() {
    #expect(HostMatch.exact("A.Example.com").implies(.wildcard("*.example.com")))
    #expect(!HostMatch.exact("example.com").implies(.wildcard("*.example.com")))
    #expect(HostMatch.exact("www.EXAMPLE.com").implies(.suffix(".example.com")))
    #expect(HostMatch.wildcard("*.a.example.com").implies(.suffix(".example.com")))
    #expect(HostMatch.suffix(".a.example.com").implies(.suffix("example.com")))
    #expect(!HostMatch.suffix("example.com").implies(.exact("example.com")))
  }
}
