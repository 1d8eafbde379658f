import RouteMatching
import Testing

@Suite struct CIDRRangeTests {
  @Test(arguments: [
    ("10.0.0.0/16", "10.0.0.0/16"),
    ("10.0.7.9/16", "10.0.0.0/16"),
    ("192.168.1.1/32", "192.168.1.1/32"),
    ("0.0.0.0/0", "0.0.0.0/0"),
    ("255.255.255.255/0", "0.0.0.0/0"),
  ])
  func parsesAndClearsHostBits(_ text: String, _ normalised: String) throws {
    let range = try #require(CIDRRange(text))
    #expect(range.description == normalised)
  }

  @Test(arguments: [
    "10.0.0.0", "10.0.0.0/", "10.0.0.0/33", "10.0.0/8", "10.0.0.256/8", "10.0.0.01/8",
    "10.0.0.0/08", "a.b.c.d/8", "10.0.0.0/-1", "10..0.0/8", "", "/8",
  ])
  func rejectsMalformedText(_ text: String) {
    #expect(CIDRRange(text) == nil)
  }

  @Test(arguments: [
    ("10.0.0.0/16", "10.0.255.255", true),
    ("10.0.0.0/16", "10.1.0.0", false),
    ("192.168.1.1/32", "192.168.1.1", true),
    ("192.168.1.1/32", "192.168.1.2", false),
    ("0.0.0.0/0", "203.0.113.9", true),
  ])
  func containsAddresses(_ block: String, _ address: String, _ expected: Bool) throws {
    let range = try #require(CIDRRange(block))
    let value = try #require(CIDRRange.address(address))
    #expect(range.contains(value) == expected)
  }

  @Test func containsNestedBlocks() throws {
    let wide = try #require(CIDRRange("10.0.0.0/8"))
    let narrow = try #require(CIDRRange("10.1.0.0/16"))
    #expect(wide.contains(narrow))
    #expect(!narrow.contains(wide))
    #expect(wide.contains(wide))
  }

  @Test func parsesAndFormatsAddresses() {
    #expect(CIDRRange.address("10.0.1.5") == 0x0A00_0105)
    #expect(CIDRRange.format(0x0A00_0105) == "10.0.1.5")
    #expect(CIDRRange.address("1.2.3") == nil)
    #expect(CIDRRange(network: 0x0A00_0105, prefixLength: 24).description == "10.0.1.0/24")
  }
}
