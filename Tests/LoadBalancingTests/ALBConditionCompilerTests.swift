import NetworkModel
import RouteMatching
import ScenarioFormat
import Testing

/// One documented (or derived) case of `cases/elb/alb-listener-rules.json`: a condition as the
/// user guide writes it, a request, and whether the condition holds.
struct ConditionCase: Sendable, CustomTestStringConvertible {
  var name: String
  var condition: RuleConditionSpec
  var method = "GET"
  var url: String
  var headers: [(String, String)] = []
  var source: String?
  var matches: Bool
  var testDescription: String { name }

  var request: RequestHead? {
    guard var head = RequestHead(method: method, url: url, headers: HTTPHeaders(headers)) else {
      return nil
    }
    head.sourceAddress = source.flatMap(CIDRRange.address)
    return head
  }
}

private let origin = SourceRef(
  location: .init(file: "test.json", line: 1, column: 1), jsonPath: JSONPath())
private func condition(_ field: RuleConditionSpec.Field, _ values: [String], header: String? = nil)
  -> RuleConditionSpec
{
  RuleConditionSpec(field: field, values: values, headerName: header, source: origin)
}
private let hostWildcard = condition(.hostHeader, ["*.example.com"])
private let imagePath = condition(.pathPattern, ["/img/*"])
private let browsers = condition(.httpHeader, ["*Chrome*", "*Safari*"], header: "User-Agent")
private let versionQuery = RuleConditionSpec(
  field: .queryString,
  queryValues: [.init(key: "version", value: "v1"), .init(key: nil, value: "*example*")],
  source: origin)
private let sources = condition(.sourceIP, ["192.0.2.0/24", "198.51.100.10/32"])
private let customMethod = condition(.httpRequestMethod, ["CUSTOM-METHOD"])

let conditionCases: [ConditionCase] = [
  ConditionCase(
    name: "host test.example.com (documented)", condition: hostWildcard,
    url: "http://test.example.com/", matches: true),
  ConditionCase(
    name: "host example.com (documented)", condition: hostWildcard, url: "http://example.com/",
    matches: false),
  ConditionCase(
    name: "host TEST.Example.COM (case-insensitive)", condition: hostWildcard,
    url: "http://TEST.Example.COM/", matches: true),
  ConditionCase(
    name: "path /img/picture.jpg (documented)", condition: imagePath,
    url: "http://a.example.com/img/picture.jpg", matches: true),
  ConditionCase(
    name: "path /IMG/picture.jpg (case-sensitive)", condition: imagePath,
    url: "http://a.example.com/IMG/picture.jpg", matches: false),
  ConditionCase(
    name: "path /img (needs the slash)", condition: imagePath, url: "http://a.example.com/img",
    matches: false),
  ConditionCase(
    name: "query ignored by path", condition: imagePath,
    url: "http://a.example.com/img/a.png?x=/img/", matches: true),
  ConditionCase(
    name: "pattern /img/*/pics", condition: condition(.pathPattern, ["/img/*/pics"]),
    url: "http://a.example.com/img/2020/pics", matches: true),
  ConditionCase(
    name: "User-Agent Chrome", condition: browsers, url: "http://a.example.com/",
    headers: [("User-Agent", "Mozilla/5.0 (X11) AppleWebKit/537.36 Chrome/118.0 Safari/537.36")],
    matches: true),
  ConditionCase(
    name: "user-agent curl", condition: browsers, url: "http://a.example.com/",
    headers: [("user-agent", "curl/8.0")],
    matches: false),
  ConditionCase(
    name: "header name and value case-insensitive",
    condition: condition(.httpHeader, ["Virtual"], header: "Gateway"),
    url: "http://a.example.com/color", headers: [("gateway", "virtual")], matches: true),
  ConditionCase(
    name: "query version=v1 (documented)", condition: versionQuery,
    url: "http://a.example.com/?version=v1", matches: true),
  ConditionCase(
    name: "query any key set to *example* (documented)", condition: versionQuery,
    url: "http://a.example.com/?foo=my-example-1", matches: true),
  ConditionCase(
    name: "query version=v2", condition: versionQuery, url: "http://a.example.com/?version=v2",
    matches: false),
  ConditionCase(
    name: "query key and value case-insensitive", condition: versionQuery,
    url: "http://a.example.com/?VERSION=V1",
    matches: true),
  ConditionCase(
    name: "source 192.0.2.77", condition: sources, url: "http://a.example.com/",
    source: "192.0.2.77", matches: true),
  ConditionCase(
    name: "X-Forwarded-For is not the source (documented)", condition: sources,
    url: "http://a.example.com/",
    headers: [("X-Forwarded-For", "192.0.2.77")], source: "203.0.113.5", matches: false),
  ConditionCase(
    name: "custom method", condition: customMethod, method: "CUSTOM-METHOD",
    url: "http://a.example.com/", matches: true),
  ConditionCase(
    name: "method is case-sensitive", condition: customMethod, method: "custom-method",
    url: "http://a.example.com/",
    matches: false),
]

@Suite struct ALBConditionCompilerTests {
  @Test(arguments: conditionCases)
  func conditionMatchesAsALBDoes(_ testCase: ConditionCase) throws {
    let compiled = try ALBConditionCompiler.compile(testCase.condition)
    let request = try #require(testCase.request)
    #expect(compiled.matches(request) == testCase.matches)
    #expect(compiled.evaluate(request).isMatch == testCase.matches)
  }

  @Test func valuesOfOneConditionAreAlternatives() throws {
    let compiled = try ALBConditionCompiler.compile(
      condition(.hostHeader, ["a.example.com", "b.example.com"]))
    #expect(
      compiled == .anyOf([.host(.wildcard("a.example.com")), .host(.wildcard("b.example.com"))]))
  }

  @Test func regexValuesMatchWholePaths() throws {
    let spec = RuleConditionSpec(
      field: .pathPattern, regexValues: ["/api/v[0-9]+/.*"], source: origin)
    let compiled = try ALBConditionCompiler.compile(spec)
    #expect(
      compiled.matches(
        try #require(RequestHead(method: "GET", url: "http://h.example.com/api/v2/users"))))
    #expect(
      !compiled.matches(
        try #require(RequestHead(method: "GET", url: "http://h.example.com/x/api/v2/users"))))
  }

  @Test func hostRegexIsReportedAsNotModelled() {
    let spec = RuleConditionSpec(
      field: .hostHeader, regexValues: ["^.*\\.example\\.com$"], source: origin)
    #expect(throws: ALBConditionCompiler.Problem.self) { try ALBConditionCompiler.compile(spec) }
  }

  @Test func failedConditionExplainsWhatWasExpected() throws {
    let compiled = try ALBConditionCompiler.compile(hostWildcard)
    let request = try #require(RequestHead(method: "GET", url: "http://example.com/"))
    #expect(
      compiled.evaluate(request)
        == .notMatched(reason: "host: expected host-header '*.example.com', found 'example.com'"))
  }
}
