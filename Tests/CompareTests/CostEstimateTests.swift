import Compare
import Testing

@Suite struct CostEstimateTests {
  @Test(arguments: [
    (0.0, "0.00"), (54.0616, "54.06"), (1234.5, "1234.50"), (0.005, "0.01"), (-2.5, "-2.50"),
  ])
  func dollars(value: Double, text: String) {
    #expect(CostEstimate.dollars(value) == text)
  }

  static func cost(_ option: WiringOption, prices: String = "") throws -> CostEstimate {
    let text = CompareFixtures.small.replacingOccurrences(
      of: "\"requires\"", with: prices + "\"requires\"")
    let (app, diagnostics) = CompareFixtures.decode(text)
    #expect(diagnostics.isEmpty)
    let application = try #require(app)
    let prices = PriceTable.standard.overridden(by: application.prices.map { ($0.key, $0.value) })
    return CostEstimate(
      app: application, wired: ApplicationWiring.scenario(application, option), result: nil,
      prices: prices)
  }

  @Test func computeIsTheSameForEveryOption() throws {
    // 5 tasks of 0.25 vCPU and 0.5 GB for 730 hours.
    let expected = (5 * 0.25 * 0.04048 + 5 * 0.5 * 0.004445) * 730
    for option in WiringOption.allCases {
      let line = try #require(try Self.cost(option).lines.first)
      #expect(line.item == "Fargate (5 application tasks)")
      #expect(abs(line.monthly - expected) < 1e-9)
    }
  }

  @Test func optionSpecificLines() throws {
    #expect(try Self.cost(.cloudMap).lines.map(\.item).last == "Cloud Map (5 instances, DNS zone)")
    #expect(try Self.cost(.appMesh).lines.map(\.item).last == "Envoy (5 sidecars, 2 gateways)")
    #expect(try Self.cost(.serviceConnect).lines.map(\.item).last == "Service Connect proxies (5)")
    let lattice = try Self.cost(.lattice)
    #expect(
      lattice.lines.contains {
        $0.item == "Lattice (1 service)" && abs($0.monthly - 0.025 * 730) < 1e-9
      })
  }

  @Test func overriddenPricesChangeTheTotal() throws {
    let standard = try Self.cost(.lattice)
    let cheaper = try Self.cost(.lattice, prices: "\"prices\": { \"latticeServiceHour\": 0 },")
    #expect(abs(standard.total - cheaper.total - 0.025 * 730) < 1e-9)
    let table = PriceTable.standard.overridden(by: [("albHour", 1)])
    #expect(table.price("albHour") == 1)
    #expect(
      table.prices.first { $0.key == "albHour" }?.source == "overridden in the application file")
  }

  @Test func everyFeatureAndOptionHasAReasonAndASource() {
    for feature in Feature.allCases {
      for option in WiringOption.allCases {
        let entry = FeatureSupport.entry(feature, option)
        #expect(!entry.note.isEmpty && !entry.source.isEmpty)
      }
    }
  }
}

@Suite struct AWSSourcesTests {
  @Test func everyCitedSourceIsDocumented() throws {
    var cited: [String] = []
    for feature in Feature.allCases {
      for option in WiringOption.allCases {
        cited.append(FeatureSupport.entry(feature, option).source)
      }
    }
    for target in MigrationTarget.allCases {
      cited += try MeshMigrationTests.plan(target).losses.map(\.source)
    }
    for key in AWSSources.keys(in: cited) {
      #expect(AWSSources.documents[key] != nil, "\(key)")
    }
  }

  @Test func keysAreSplitAndDeduplicated() {
    #expect(
      AWSSources.keys(in: ["AM-EOL-SUM, BC-ECS", "BC-ECS", " CR-1963 "]) == [
        "AM-EOL-SUM", "BC-ECS", "CR-1963",
      ])
  }
}
