import NetworkModel
@testable import SimEngine
import Testing

/// Streams that send to the same host keep one copy of its name, so that the resolver memo of
/// their common interface compares the name by identity (`ClientActor.sharingHosts`).
@Suite struct ClientActorHostSharingTests {
  static let scenario = WorldFixture.scenario("""
    "traffic": [
      { "name": "one", "from": "internet", "request": { "method": "GET", "url": "http://api.shop.example.com/a" }, "count": 1 },
      { "name": "two", "from": "internet", "request": { "method": "GET", "url": "http://api.shop.example.com/b" }, "count": 1 },
      { "name": "three", "from": "internet", "request": { "method": "GET", "url": "http://other.shop.example.com/c" }, "count": 1 }
    ]
    """)

  /// The address of a string's UTF-8 bytes (equal for strings sharing one buffer).
  static func storage(_ text: String) -> UnsafeRawPointer? {
    var text = text
    return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
  }

  @Test func streamsToOneHostShareItsNameAndOthersKeepTheirOwn() throws {
    let world = try #require(WorldFixture.world(Self.scenario))
    #expect(world.clientActors.count == 3)
    for client in world.clientActors { _ = client.prepareRequest(in: world) }
    let one = try #require(world.clientActors[0].fixedPreparedRequest)
    let two = try #require(world.clientActors[1].fixedPreparedRequest)
    let three = try #require(world.clientActors[2].fixedPreparedRequest)
    #expect(one.head.host == "api.shop.example.com")
    #expect(two.head.host == "api.shop.example.com")
    #expect(three.head.host == "other.shop.example.com")
    #expect(two.head.path == "/b")
    #expect(Self.storage(one.head.host) == Self.storage(two.head.host))
    #expect(Self.storage(one.urlHost) == Self.storage(two.urlHost))
    #expect(Self.storage(three.head.host) != Self.storage(one.head.host))
  }
}
