import RouteMatching
import Testing

@testable import SimEngine

/// The virtual gateway's decision memo answers only for a head that shares its parts with a
/// remembered input (and its peer address when that counts), at the same configuration revision;
/// the answer is the remembered rewrite sent to the target port from the request's own peer.
@Suite struct GatewayDecisionMemoTests {
  static let input = RequestHead(method: "GET", scheme: "http", host: "nlb.example", port: 80, path: "/color1/tell")
  static let output = RequestHead(method: "GET", scheme: "http", host: "colorteller-1.local", port: 80, path: "/tell")

  static func memo(keysOnPeer: Bool = false) -> (GatewayDecisionMemo, Int) {
    let memo = GatewayDecisionMemo()
    let index = memo.remember(
      input, keysOnPeer: keysOnPeer, as: output, gatewayRoute: 2, service: 4, targetPort: 9080, clientPolicy: 3, revision: 5)
    return (memo, index)
  }

  @Test func aCopyOfTheInputGetsTheDecisionWithItsOwnPeer() throws {
    let (memo, remembered) = Self.memo()
    memo.setRouterRoute(7, at: remembered)
    var copy = Self.input
    copy.port = 9080
    copy.sourceAddress = 0x0A00_6604
    let known = try #require(memo.lookup(copy, revision: 5))
    let answer = memo.output(known, sourceAddress: copy.sourceAddress)
    #expect(answer.path == "/tell")
    #expect(answer.host == "colorteller-1.local")
    #expect(answer.port == 9080)
    #expect(answer.sourceAddress == 0x0A00_6604)
    #expect(memo.gatewayRoute(known) == 2)
    #expect(memo.service(known) == 4)
    #expect(memo.targetPort(known) == 9080)
    #expect(memo.routerRoute(known) == 7)
    #expect(memo.outputPathIsNormal(known))
    #expect(!memo.inputUsesTLS(known))
    #expect(memo.clientPolicy(known) == 3)
    // The one-read form answers the same.
    let send = memo.forwarding(known)
    #expect(send.pathIsNormal && send.service == 4 && send.routerRoute == 7 && send.clientPolicy == 3)
  }

  @Test func aTLSInputIsNoted() throws {
    let memo = GatewayDecisionMemo()
    let input = RequestHead(method: "GET", scheme: "https", host: "nlb.example", port: 443, path: "/a")
    _ = memo.remember(
      input, keysOnPeer: false, as: Self.output, gatewayRoute: 0, service: 0, targetPort: 80, clientPolicy: -1, revision: 1)
    let known = try #require(memo.lookup(input, revision: 1))
    #expect(memo.inputUsesTLS(known))
  }

  @Test func otherRevisionsAndHeadsMiss() {
    let (memo, _) = Self.memo()
    #expect(memo.lookup(Self.input, revision: 6) == nil)
    // Equal text but parts of its own: decided again, never guessed.
    let lookalike = RequestHead(method: "GET", scheme: "http", host: "nlb.example", port: 80, path: "/color1/tell")
    #expect(memo.lookup(lookalike, revision: 5) == nil)
    // A copy changed by a hop (a header added) no longer shares its parts.
    var changed = Self.input
    changed.headers.set("x-forwarded-for", "203.0.113.10")
    #expect(memo.lookup(changed, revision: 5) == nil)
    #expect(memo.lookup(Self.input, revision: 5) != nil)
  }

  @Test func thePeerCountsOnlyWhenARouteTableTestsIt() {
    var other = Self.input
    other.sourceAddress = 0x0A00_0009
    #expect(Self.memo(keysOnPeer: false).0.lookup(other, revision: 5) != nil)
    #expect(Self.memo(keysOnPeer: true).0.lookup(other, revision: 5) == nil)
    #expect(Self.memo(keysOnPeer: true).0.lookup(Self.input, revision: 5) != nil)
  }

  @Test func aNewRevisionForgetsEverything() {
    let (memo, _) = Self.memo()
    let second = RequestHead(method: "GET", scheme: "http", host: "nlb.example", port: 80, path: "/color2/tell")
    _ = memo.remember(
      second, keysOnPeer: false, as: Self.output, gatewayRoute: 1, service: 4, targetPort: 9080, clientPolicy: -1, revision: 6)
    #expect(memo.lookup(Self.input, revision: 5) == nil)
    #expect(memo.lookup(Self.input, revision: 6) == nil)
    #expect(memo.lookup(second, revision: 6) != nil)
  }

  @Test func theOldestDecisionMakesRoomWhenFull() {
    let memo = GatewayDecisionMemo()
    let heads = (0...GatewayDecisionMemo.capacity).map {
      RequestHead(method: "GET", scheme: "http", host: "nlb.example", port: 80, path: "/s\($0)")
    }
    for (route, head) in heads.enumerated() {
      _ = memo.remember(
        head, keysOnPeer: false, as: Self.output, gatewayRoute: route, service: 0, targetPort: 80, clientPolicy: -1, revision: 1)
    }
    #expect(memo.lookup(heads[0], revision: 1) == nil)
    for (route, head) in heads.enumerated().dropFirst() {
      #expect(memo.lookup(head, revision: 1).map(memo.gatewayRoute) == route)
    }
  }

  @Test func anOutputPathNeedingNormalizationIsNotReportedNormal() throws {
    for path in ["//tell", "/a/./tell", "/a/../tell"] {
      let memo = GatewayDecisionMemo()
      let output = RequestHead(method: "GET", scheme: "http", host: "a.local", port: 9080, path: path)
      _ = memo.remember(
        Self.input, keysOnPeer: false, as: output, gatewayRoute: 0, service: 0, targetPort: 80, clientPolicy: -1, revision: 1)
      let known = try #require(memo.lookup(Self.input, revision: 1))
      #expect(memo.output(known, sourceAddress: Self.input.sourceAddress).path == path)
      #expect(!memo.outputPathIsNormal(known))
      #expect(memo.routerRoute(known) == -1)
    }
  }
}

/// A route table says whether its answer may depend on the peer address, wherever in a
/// condition the address is tested.
@Suite struct RouteTablePeerAddressTests {
  static func table(_ condition: RequestCondition) -> RouteTable<Int> {
    RouteTable(rules: [RouteRule(name: "a", condition: .path(.prefix("/a", caseSensitive: true)), action: 0),
                       RouteRule(name: "b", condition: condition, action: 1)])
  }

  @Test func onlyTablesTestingThePeerReadIt() {
    let peer = RequestCondition.sourceAddress([CIDRRange("10.0.0.0/8")!])
    #expect(!Self.table(.always).readsPeerAddress)
    #expect(!Self.table(.allOf([.method(["GET"]), .port(80)])).readsPeerAddress)
    #expect(Self.table(peer).readsPeerAddress)
    #expect(Self.table(.allOf([.method(["GET"]), .anyOf([.port(80), .not(peer)])])).readsPeerAddress)
  }
}
