extension ModelBuilder {
  /// The `lattice` section: service networks, services, listeners, rules, target groups,
  /// associations, auth policies, ECS registrations and Lattice call events.
  func buildLattice() {
    LatticeSectionBuilder(self).build()
  }
}
