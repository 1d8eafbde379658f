@testable import SimEngine
import NetworkModel
import SimKernel
import Testing

/// `PlanFacts.fixedStatus` lets `ApplicationActor.serve` answer without the rules of chance,
/// time and fault state: it must be set only for plans none of those rules apply to.
@Suite struct PlanFactsTests {
  static let plain = ApplicationBehavior.default.plan

  @Test func aPlainPlanHasAFixedStatus() {
    var plan = Self.plain
    plan.status = 418
    #expect(PlanFacts(plan).fixedStatus == 418)
  }

  @Test func anyRuleThatCanChangeTheStatusClearsIt() {
    var ratio = Self.plain
    ratio.failRatio = Ratio(1, 2)
    var window = Self.plain
    window.failFor = .seconds(1)
    var sets = Self.plain
    sets.setFault = 503
    var clears = Self.plain
    clears.clearFault = true
    for plan in [ratio, window, sets, clears] {
      #expect(PlanFacts(plan).fixedStatus == nil)
    }
  }
}
