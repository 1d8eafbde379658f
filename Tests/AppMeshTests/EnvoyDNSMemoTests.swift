import SimKernel
import Testing

@testable import SimEngine

/// An Envoy's per-node memo of its DNS resolutions answers only under the configuration revision
/// whose hostname it resolved and before the resolution expires; a new revision goes back to the
/// resolutions by hostname, which still answer while they last.
@Suite struct EnvoyDNSMemoTests {
  static let start = SimTime.zero
  static let resolution = EnvoyClusterState.Resolution(
    addresses: [0x0A00_0001, 0x0A00_0002], expires: start + .seconds(60), source: "Route 53")

  @Test func theMemoAnswersUnderItsRevisionUntilExpiry() {
    let state = EnvoyClusterState()
    state.store(Self.resolution, of: "red.local", node: 3, revision: 2)
    #expect(state.recentAddresses(node: 3, revision: 2, at: Self.start + .seconds(59)) == [0x0A00_0001, 0x0A00_0002])
    #expect(state.recentAddresses(node: 3, revision: 2, at: Self.start + .seconds(60)) == nil)
    #expect(state.recentAddresses(node: 2, revision: 2, at: Self.start) == nil)
    #expect(state.recentAddresses(node: 4, revision: 2, at: Self.start) == nil)
  }

  @Test func anotherRevisionGoesBackToTheHostname() {
    let state = EnvoyClusterState()
    state.store(Self.resolution, of: "red.local", node: 3, revision: 2)
    // Revision 3 may name another hostname for node 3: the memo does not answer for it.
    #expect(state.recentAddresses(node: 3, revision: 3, at: Self.start) == nil)
    #expect(state.cachedAddresses("blue.local", node: 3, revision: 3, at: Self.start) == nil)
    // The same hostname under revision 3 finds the stored resolution, which the memo then keeps.
    #expect(state.cachedAddresses("red.local", node: 3, revision: 3, at: Self.start) == [0x0A00_0001, 0x0A00_0002])
    #expect(state.recentAddresses(node: 3, revision: 3, at: Self.start) == [0x0A00_0001, 0x0A00_0002])
    #expect(state.recentAddresses(node: 3, revision: 2, at: Self.start) == nil)
  }
}
