import RouteMatching
import Testing

@Suite struct RequestURLTests {
  struct Parsed: Sendable, CustomTestStringConvertible {
    let url: String
    let scheme: String
    let host: String
    let port: Int
    let path: String
    let query: [String]
    var testDescription: String { url }
  }

  @Test(arguments: [
    Parsed(
      url: "http://svc.local/", scheme: "http", host: "svc.local", port: 80, path: "/", query: []),
    Parsed(
      url: "https://svc.local", scheme: "https", host: "svc.local", port: 443, path: "/", query: []),
    Parsed(
      url: "http://orders.local:8080/api/x?v=2&flag", scheme: "http", host: "orders.local",
      port: 8080, path: "/api/x", query: ["v=2", "flag="]),
    Parsed(
      url: "HTTPS://Svc.Local/X", scheme: "https", host: "Svc.Local", port: 443, path: "/X",
      query: []),
    Parsed(
      url: "http://svc.local?x=1", scheme: "http", host: "svc.local", port: 80, path: "/",
      query: ["x=1"]),
    Parsed(
      url: "http://10.0.1.5:9000", scheme: "http", host: "10.0.1.5", port: 9000, path: "/",
      query: []),
    Parsed(
      url: "http://[::1]:8080/p", scheme: "http", host: "[::1]", port: 8080, path: "/p", query: []),
    Parsed(
      url: "http://[fe80::1]/", scheme: "http", host: "[fe80::1]", port: 80, path: "/", query: []),
    Parsed(url: "http://h/p#frag", scheme: "http", host: "h", port: 80, path: "/p", query: []),
    Parsed(
      url: "http://h/p?a=1=2", scheme: "http", host: "h", port: 80, path: "/p", query: ["a=1=2"]),
    Parsed(
      url: "http://h/p?&&a=%20&", scheme: "http", host: "h", port: 80, path: "/p", query: ["a=%20"]),
    Parsed(url: "http://h/p?", scheme: "http", host: "h", port: 80, path: "/p", query: []),
    Parsed(
      url: "http://h:65535//a//b/", scheme: "http", host: "h", port: 65535, path: "//a//b/",
      query: []),
    Parsed(
      url: "http://my_host-1.local:1/", scheme: "http", host: "my_host-1.local", port: 1, path: "/",
      query: []),
  ])
  func parsesWellFormedURLs(_ row: Parsed) throws {
    let url = try #require(RequestURL.parse(row.url))
    #expect(url.scheme == row.scheme)
    #expect(url.host == row.host)
    #expect(url.port == row.port)
    #expect(url.path == row.path)
    #expect(url.query.map { $0.name + "=" + $0.value } == row.query)
  }

  @Test(arguments: [
    "svc.local/x", "ftp://h/", "http:/h/", "http://", "http:///path", "http://:80/", "http://h:/",
    "http://h:0/", "http://h:65536/", "http://h:8o/", "http://h:+80/", "http://h:000080/",
    "http://user@h/", "http://h h/", "http://h/a b", "http://h/a\tb", "http://[::1/", "http://[]/",
    "http://[::1]x/", "http://h:80:90/", "http://h%41/", "",
  ])
  func rejectsMalformedURLs(_ text: String) {
    #expect(RequestURL.parse(text) == nil)
  }

  @Test func splitsRawQueriesWithoutDecoding() {
    let query = RequestURL.parseQuery("a=1&b&c=x%3Dy&&a=2")
    #expect(query.map(\.name) == ["a", "b", "c", "a"])
    #expect(query.map(\.value) == ["1", "", "x%3Dy", "2"])
  }
}
