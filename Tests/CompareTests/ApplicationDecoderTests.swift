import Compare
import Testing

@Suite struct ApplicationDecoderTests {
  @Test func bundledShopDecodes() throws {
    let app = try CompareFixtures.shop()
    #expect(app.services.map(\.name) == ["web", "orders", "inventory"])
    #expect(app.service("orders")?.versions.map(\.name) == ["v1", "v2"])
    #expect(app.entry == "web")
    #expect(app.events.count == 3)
    #expect(app.neededFeatures == [.weightedRouting, .retries, .auth])
  }

  @Test func smallApplicationDecodesWithDefaults() throws {
    let (app, diagnostics) = CompareFixtures.decode(CompareFixtures.small)
    #expect(diagnostics.isEmpty)
    let small = try #require(app)
    #expect(small.seed == 1)
    #expect(small.region == "us-east-1")
    #expect(small.bytesPerRequest == 2048)
    #expect(small.service("front")?.versions.map(\.name) == ["v1"])
    #expect(small.service("front")?.versions.first?.tasks == 2)
    #expect(small.service("back")?.headerRoutes.first?.header == "x-canary")
    #expect(small.traffic.first?.requestsPerSecond == 10)
    #expect(small.neededFeatures == [.weightedRouting, .headerRouting, .retries])
  }

  /// Each edit of the small application and the diagnostic it must produce.
  @Test(arguments: [
    ("http://back/data", "http://bakc/data", "compare.unknown-reference", "no service 'bakc'"),
    (
      "\"name\": \"front\"", "\"name\": \"Front_1\"", "schema.invalid-value",
      "invalid service name 'Front_1'"
    ),
    (
      "\"name\": \"back\"", "\"name\": \"front\"", "compare.duplicate-name",
      "service 'front' is declared twice"
    ),
    ("\"weight\": 90", "\"weight\": 0", "", ""),
    (
      "\"entry\": \"front\"", "\"entry\": \"frnt\"", "compare.unknown-reference",
      "no service 'frnt'"
    ),
    (
      "\"rate\": \"10/s\"", "\"rate\": \"10 per second\"", "schema.invalid-value",
      "invalid rate '10 per second'"
    ),
    (
      "\"requires\": [\"retries\"]", "\"requires\": [\"retry\"]", "schema.invalid-value",
      "invalid value 'retry' for required feature"
    ),
    ("\"scaleOut\"", "\"scaleUp\"", "schema.missing-key", "an event needs exactly one of"),
    (
      "\"version\": \"v2\" }]", "\"version\": \"v3\" }]", "compare.unknown-reference",
      "no version 'v3' of 'back'"
    ),
    (
      "\"tasks\": 3 }", "\"tasks\": 3, \"colour\": 1 }", "schema.unknown-key",
      "unknown key 'colour'"
    ),
    (
      "\"requires\"", "\"prices\": { \"albHours\": 1 }, \"requires\"", "compare.unknown-price",
      "unknown price 'albHours'"
    ),
  ])
  func invalidApplications(find: String, replace: String, id: String, message: String) {
    let text = CompareFixtures.small.replacingOccurrences(of: find, with: replace)
    #expect(text != CompareFixtures.small)
    let (app, diagnostics) = CompareFixtures.decode(text)
    if id.isEmpty {
      #expect(app != nil)
      return
    }
    #expect(app == nil)
    let match = diagnostics.first { $0.id.description == id && $0.message.hasPrefix(message) }
    #expect(match != nil, "\(diagnostics.map { "\($0.id): \($0.message)" })")
    #expect(match?.location != nil)
  }

  @Test func allWeightsZeroIsAnError() {
    let text = CompareFixtures.small.replacingOccurrences(
      of: "\"weight\": 90", with: "\"weight\": 0"
    )
    .replacingOccurrences(of: "\"weight\": 10", with: "\"weight\": 0")
    let (app, diagnostics) = CompareFixtures.decode(text)
    #expect(app == nil)
    #expect(diagnostics.contains { $0.id.description == "compare.no-weight" })
  }

  @Test func unknownPriceSuggestsTheClosest() {
    let text = CompareFixtures.small.replacingOccurrences(
      of: "\"requires\"", with: "\"prices\": { \"albHours\": 1 }, \"requires\"")
    let (_, diagnostics) = CompareFixtures.decode(text)
    #expect(
      diagnostics.first { $0.id.description == "compare.unknown-price" }?.hint
        == "did you mean 'albHour'?")
  }
}
