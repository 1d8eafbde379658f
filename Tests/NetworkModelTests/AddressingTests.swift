import NetworkModel
import Testing

/// IPv4 addresses and CIDR blocks as EC2 writes them.
@Suite struct AddressingTests {
  @Test(arguments: [
    ("10.0.1.4", UInt32(0x0A00_0104)), ("0.0.0.0", 0), ("255.255.255.255", 0xFFFF_FFFF), ("192.168.0.1", 0xC0A8_0001),
  ])
  func parsesDottedQuads(_ text: String, _ value: UInt32) throws {
    let address = try #require(IPv4Address(text))
    #expect(address.value == value)
    #expect(address.description == text)
  }

  @Test(arguments: ["", "10.0.1", "10.0.1.4.5", "256.0.0.1", "10.0..1", "a.b.c.d", "10.0.1.4 ", "+1.2.3.4", "1.2.3.-0", "1234.0.0.1"])
  func rejectsMalformedAddresses(_ text: String) {
    #expect(IPv4Address(text) == nil)
  }

  @Test func privateRanges() {
    let cases: [(String, Bool)] = [
      ("10.1.2.3", true), ("172.16.0.1", true), ("172.31.255.255", true), ("172.32.0.1", false),
      ("192.168.4.4", true), ("169.254.171.10", true), ("203.0.113.10", false), ("8.8.8.8", false),
    ]
    for (text, isPrivate) in cases { #expect(IPv4Address(text)!.isPrivate == isPrivate, "\(text)") }
  }

  @Test func parsesBlocksAndClearsHostBits() throws {
    let block = try #require(CIDRBlock("10.0.1.77/24"))
    #expect(block.description == "10.0.1.0/24")
    #expect(block.size == 256)
    #expect(block.first.description == "10.0.1.0")
    #expect(block.last.description == "10.0.1.255")
    #expect(CIDRBlock("0.0.0.0/0")?.size == 1 << 32)
    #expect(CIDRBlock("10.0.0.9")?.description == "10.0.0.9/32")
  }

  @Test(arguments: ["10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/", "10.0.0.0/16/2", "10.0.0/16", "/16", "10.0.0.0/x"])
  func rejectsMalformedBlocks(_ text: String) {
    #expect(CIDRBlock(text) == nil)
  }

  @Test func containmentAndOverlap() throws {
    let vpc = try #require(CIDRBlock("10.0.0.0/16"))
    let subnet = try #require(CIDRBlock("10.0.1.0/24"))
    let other = try #require(CIDRBlock("10.1.0.0/24"))
    let everything = try #require(CIDRBlock("0.0.0.0/0"))
    #expect(vpc.contains(subnet) && !subnet.contains(vpc))
    #expect(!vpc.contains(other))
    #expect(vpc.overlaps(subnet) && subnet.overlaps(vpc))
    #expect(!subnet.overlaps(other))
    #expect(everything.contains(IPv4Address("203.0.113.10")!))
    #expect(vpc.contains(IPv4Address("10.0.255.255")!) && !vpc.contains(IPv4Address("10.1.0.0")!))
  }

  @Test func subnetReservesFirstFourAndLastAddress() throws {
    let built = ScenarioText.build(ScenarioText.scenario())
    let subnet = try #require(built.model?.subnets.first)
    #expect(IPv4Address(subnet.firstUsableAddress).description == "10.0.1.4")
    #expect(IPv4Address(subnet.lastUsableAddress).description == "10.0.1.254")
    let vpc = try #require(built.model?.vpcs.first)
    #expect(vpc.resolverAddress.description == "10.0.0.2")
  }
}
