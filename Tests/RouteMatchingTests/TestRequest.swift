import RouteMatching
import Testing

/// Builds a request head from a URL, failing the test (not crashing) when the URL is malformed.
func request(
  _ url: String, method: String = "GET", headers: HTTPHeaders = [:], source: String? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) throws -> RequestHead {
  var head = try #require(
    RequestHead(method: method, url: url, headers: headers), sourceLocation: sourceLocation)
  if let source {
    let address: UInt32 = try #require(CIDRRange.address(source), sourceLocation: sourceLocation)
    head.sourceAddress = address
  }
  return head
}
