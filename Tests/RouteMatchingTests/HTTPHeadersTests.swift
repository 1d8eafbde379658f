import RouteMatching
import Testing

@Suite struct HTTPHeadersTests {
  let headers: HTTPHeaders = ["Accept": "text/html", "X-Ver": "1", "x-ver": "2", "Host": "a"]

  @Test func looksUpNamesCaseInsensitively() {
    #expect(headers.value(for: "accept") == "text/html")
    #expect(headers.value(for: "X-VER") == "1")
    #expect(headers.values(for: "x-ver") == ["1", "2"])
    #expect(headers.value(for: "missing") == nil)
    #expect(headers.values(for: "missing").isEmpty)
    #expect(headers.contains("HOST"))
    #expect(!headers.contains("hos"))
  }

  @Test func combinesRepeatedFieldsWithCommas() {
    #expect(headers.combinedValue(for: "x-ver") == "1,2")
    #expect(headers.combinedValue(for: "accept") == "text/html")
    #expect(headers.combinedValue(for: "missing") == nil)
    let three: HTTPHeaders = ["a": "1", "b": "x", "A": "2", "a": "3"]
    #expect(three.combinedValue(for: "a") == "1,2,3")
  }

  @Test func setReplacesEveryFieldAtTheFirstPosition() {
    var copy = headers
    copy.set("X-VER", "9")
    #expect(copy.values(for: "x-ver") == ["9"])
    #expect(copy.pairs.map(\.name) == ["Accept", "X-Ver", "Host"])
    copy.set("New", "v")
    #expect(copy.pairs.last?.name == "New")
    #expect(copy.value(for: "new") == "v")
  }

  @Test func addKeepsExistingFieldsAndRemoveDropsAll() {
    var copy = headers
    copy.add("accept", "text/plain")
    #expect(copy.values(for: "Accept") == ["text/html", "text/plain"])
    copy.remove("X-Ver")
    #expect(copy.values(for: "x-ver").isEmpty)
    #expect(copy.pairs.count == 3)
  }

  @Test func equalityIsOrderAndCaseSensitive() {
    #expect(HTTPHeaders([("a", "1"), ("b", "2")]) == ["a": "1", "b": "2"])
    #expect(HTTPHeaders([("a", "1"), ("b", "2")]) != ["b": "2", "a": "1"])
    #expect(HTTPHeaders([("a", "1")]) != ["A": "1"])
    #expect(HTTPHeaders().isEmpty)
  }
}
