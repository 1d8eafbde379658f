import RouteMatching
import Testing

@testable import SimEngine

/// The virtual gateway's rewrite memo answers only for a head that shares its parts with the
/// remembered input, for the same route and configuration revision; the answer keeps the
/// request's own port and peer address.
@Suite struct GatewayRewriteCacheTests {
  static let input = RequestHead(method: "GET", scheme: "http", host: "nlb.example", port: 80, path: "/color1/tell")
  static let output = RequestHead(method: "GET", scheme: "http", host: "colorteller-1.local", port: 9080, path: "/tell")

  @Test func aCopyOfTheInputGetsTheOutputWithItsOwnPortAndPeer() {
    let cache = GatewayRewriteCache()
    cache.remember(Self.input, as: Self.output, route: 2, revision: 5)
    var copy = Self.input
    copy.port = 9080
    copy.sourceAddress = 0x0A00_6604
    let answer = cache.rewrite(of: copy, route: 2, revision: 5)?.head
    #expect(answer?.path == "/tell")
    #expect(answer?.host == "colorteller-1.local")
    #expect(answer?.port == 9080)
    #expect(answer?.sourceAddress == 0x0A00_6604)
  }

  @Test func otherRoutesRevisionsAndHeadsMiss() {
    let cache = GatewayRewriteCache()
    cache.remember(Self.input, as: Self.output, route: 2, revision: 5)
    #expect(cache.rewrite(of: Self.input, route: 1, revision: 5)?.head == nil)
    #expect(cache.rewrite(of: Self.input, route: 3, revision: 5)?.head == nil)
    #expect(cache.rewrite(of: Self.input, route: 2, revision: 6)?.head == nil)
    // Equal text but parts of its own: rewritten again, never guessed.
    let lookalike = RequestHead(method: "GET", scheme: "http", host: "nlb.example", port: 80, path: "/color1/tell")
    #expect(cache.rewrite(of: lookalike, route: 2, revision: 5)?.head == nil)
    // A copy changed by a hop (a header added) no longer shares its parts.
    var changed = Self.input
    changed.headers.set("x-forwarded-for", "203.0.113.10")
    #expect(cache.rewrite(of: changed, route: 2, revision: 5)?.head == nil)
    #expect(cache.rewrite(of: Self.input, route: 2, revision: 5)?.head != nil)
  }

  @Test func aNewRevisionForgetsEveryRoute() {
    let cache = GatewayRewriteCache()
    cache.remember(Self.input, as: Self.output, route: 0, revision: 1)
    cache.remember(Self.input, as: Self.output, route: 1, revision: 2)
    #expect(cache.rewrite(of: Self.input, route: 0, revision: 1)?.head == nil)
    #expect(cache.rewrite(of: Self.input, route: 0, revision: 2)?.head == nil)
    #expect(cache.rewrite(of: Self.input, route: 1, revision: 2)?.head != nil)
  }
}

/// The memo says whether a remembered rewrite's path is already normal, so that the gateway may
/// skip normalizing it again: only when `MeshPathNormalization` would keep the path.
@Suite struct GatewayRewriteCacheNormalPathTests {
  static let input = RequestHead(method: "GET", scheme: "http", host: "nlb.example", port: 80, path: "/color1/tell")

  @Test func aNormalOutputPathIsReportedNormal() {
    let cache = GatewayRewriteCache()
    let output = RequestHead(method: "GET", scheme: "http", host: "a.local", port: 9080, path: "/tell")
    cache.remember(Self.input, as: output, route: 0, revision: 1)
    #expect(cache.rewrite(of: Self.input, route: 0, revision: 1)?.pathIsNormal == true)
  }

  @Test func anOutputPathNeedingNormalizationIsNotReportedNormal() {
    let cache = GatewayRewriteCache()
    for path in ["//tell", "/a/./tell", "/a/../tell"] {
      let output = RequestHead(method: "GET", scheme: "http", host: "a.local", port: 9080, path: path)
      cache.remember(Self.input, as: output, route: 0, revision: 1)
      let known = cache.rewrite(of: Self.input, route: 0, revision: 1)
      #expect(known?.head.path == path)
      #expect(known?.pathIsNormal == false)
    }
  }
}
