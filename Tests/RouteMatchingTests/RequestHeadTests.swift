import RouteMatching
import Testing

@Suite struct RequestHeadTests {
  @Test func buildsFromMethodAndURL() throws {
    let head = try #require(
      RequestHead(
        method: "POST", url: "https://api.example.com:8443/v1/items?id=7", headers: ["x-a": "1"]))
    #expect(head.method == "POST")
    #expect(head.scheme == "https")
    #expect(head.host == "api.example.com")
    #expect(head.port == 8443)
    #expect(head.path == "/v1/items")
    #expect(head.query.map(\.name) == ["id"])
    #expect(head.headers.value(for: "X-A") == "1")
    #expect(head.sourceAddress == nil)
  }

  @Test func rejectsMalformedURL() {
    #expect(RequestHead(method: "GET", url: "not a url") == nil)
    #expect(RequestHead(method: "GET", url: "http://h:99999/") == nil)
  }

  @Test(arguments: [
    ("http://h/", "/"),
    ("http://h/a/b", "/a/b"),
    ("http://h/a?x=1&y=2", "/a?x=1&y=2"),
    ("http://h/a?flag&x=", "/a?flag&x"),
    ("http://h?q=1", "/?q=1"),
  ])
  func targetIsPathAndQuery(_ url: String, _ target: String) throws {
    let head = try #require(RequestHead(method: "GET", url: url))
    #expect(head.target == target)
  }

  @Test func equalityComparesEveryPart() throws {
    let base = try #require(RequestHead(method: "GET", url: "http://h/a?x=1"))
    var other = base
    #expect(base == other)
    other.query = [(name: "x", value: "2")]
    #expect(base != other)
    other = base
    other.sourceAddress = 1
    #expect(base != other)
    other = base
    other.headers.add("a", "b")
    #expect(base != other)
    let memberwise = RequestHead(
      method: "GET", scheme: "http", host: "h", port: 80, path: "/a",
      query: [(name: "x", value: "1")],
      headers: [:], sourceAddress: nil)
    #expect(base == memberwise)
  }

  /// The parts live in one shared box: changing any part of a copy must leave the original
  /// (and every other copy) as it was, and a changed copy no longer shares its parts.
  @Test(arguments: ["method", "scheme", "host", "path", "query", "headers", "port", "source"])
  func changingACopyLeavesTheOriginal(_ part: String) throws {
    let original = try #require(RequestHead(method: "GET", url: "http://h:8080/a?x=1", headers: ["x-a": "1"]))
    let snapshot = RequestHead(
      method: "GET", scheme: "http", host: "h", port: 8080, path: "/a", query: [(name: "x", value: "1")],
      headers: ["x-a": "1"])
    let sibling = original
    var copy = original
    #expect(copy.sharesParts(with: original))
    switch part {
    case "method": copy.method = "POST"
    case "scheme": copy.scheme = "https"
    case "host": copy.host = "other"
    case "path": copy.path.append("/b")
    case "query": copy.query.append((name: "y", value: "2"))
    case "headers": copy.headers.set("x-a", "2")
    case "port": copy.port = 9
    default: copy.sourceAddress = 7
    }
    #expect(copy != original)
    #expect(original == snapshot)
    #expect(sibling == snapshot)
    #expect(sibling.sharesParts(with: original))
    #expect(copy.sharesParts(with: original) == (part == "port" || part == "source"))
  }

  @Test func emptyingQueryAndHeadersKeepsEquality() throws {
    var head = try #require(RequestHead(method: "GET", url: "http://h/a?x=1", headers: ["x-a": "1"]))
    head.query = []
    head.headers = [:]
    #expect(head == RequestHead(method: "GET", scheme: "http", host: "h", port: 80, path: "/a"))
    #expect(head.target == "/a")
  }
}
