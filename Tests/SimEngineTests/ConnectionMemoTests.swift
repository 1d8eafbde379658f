import NetworkModel
@testable import SimEngine
import SimKernel
import Testing

/// `World.connectionMemo(from:to:port:)` finds exactly the connections `rememberConnection`
/// stored for an ENI under the current network version: up to `ConnectionMemo.slotCount` side
/// by side, none of another ENI, none after the network changed.
@Suite struct ConnectionMemoTests {
  static let scenario = WorldFixture.scenario("""
    "traffic": [
      { "name": "one", "from": "internet", "request": { "method": "GET", "url": "http://api.shop.example.com/a" }, "count": 1 }
    ]
    """)

  /// The memo of a connection to `address:port` (its fields derived from both).
  static func memo(_ address: UInt32, _ port: Int, version: UInt64) -> ConnectionMemo {
    ConnectionMemo(version: version, address: address, port: port, destination: Int32(port % 7),
                   listener: Int32(address % 11), seenSource: address ^ 0xFF, latency: .microseconds(Int64(port)))
  }

  @Test func findsWhatWasRememberedUnderTheCurrentVersionOnly() throws {
    let world = try #require(WorldFixture.world(Self.scenario))
    let version = world.network.value
    let destinations: [(UInt32, Int)] = (0..<ConnectionMemo.slotCount).map { (0x0A00_0001 &+ UInt32($0) &* 5, 80 + $0 % 3) }
    #expect(world.connectionMemo(from: 3, to: destinations[0].0, port: destinations[0].1) == nil)
    for (address, port) in destinations {
      world.rememberConnection(Self.memo(address, port, version: version), from: 3)
    }
    for (address, port) in destinations {
      let found = try #require(world.connectionMemo(from: 3, to: address, port: port))
      let expected = Self.memo(address, port, version: version)
      #expect(found.address == address && found.port == port && found.listener == expected.listener)
      #expect(found.destination == expected.destination && found.seenSource == expected.seenSource)
      #expect(found.latency == expected.latency)
      // Another ENI (below, and beyond every slot so far) has no memo of it.
      #expect(world.connectionMemo(from: 2, to: address, port: port) == nil)
      #expect(world.connectionMemo(from: 40, to: address, port: port) == nil)
    }
    #expect(world.connectionMemo(from: 3, to: destinations[0].0, port: 9999) == nil)
    #expect(world.connectionMemo(from: 3, to: 0x0B00_0001, port: destinations[0].1) == nil)
    world.network.bump()
    for (address, port) in destinations { #expect(world.connectionMemo(from: 3, to: address, port: port) == nil) }
  }
}
