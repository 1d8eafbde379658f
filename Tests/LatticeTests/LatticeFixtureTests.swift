import Testing

@Suite struct LatticeFixtureTests {
  @Test func baseFixtureBuilds() {
    let fixture = LatticeFixture()
    let loaded = fixture.load()
    #expect(
      loaded.model != nil,
      "\(loaded.diagnostics.diagnostics.map { "\($0.location.map(\.description) ?? "") \($0.id) \($0.message)" })"
    )
  }
}
