import Reports
import SimKernel
import Testing

@Suite struct ReportNumbersTests {
  @Test(arguments: [
    (Int64(0), 2, "0"), (10_081_229, 2, "10.08"), (10_085_000, 2, "10.09"), (2_250_000, 3, "2.25"),
    (1_000_000, 2, "1"), (999, 2, "0"), (5_000, 2, "0.01"), (-1_500_000, 1, "-1.5"),
    (123_456_789, 6, "123.456789"),
  ])
  func milliseconds(nanoseconds: Int64, digits: Int, expected: String) {
    #expect(
      ReportNumbers.milliseconds(SimDuration(nanoseconds: nanoseconds), digits: digits) == expected)
  }

  @Test(arguments: [
    (Int64(0), "0"), (30_000_000_000, "30"), (129_900_000_000, "129.9"), (1_234_567, "0.001"),
  ])
  func seconds(nanoseconds: Int64, expected: String) {
    #expect(ReportNumbers.seconds(SimTime(nanoseconds: nanoseconds)) == expected)
  }

  @Test(arguments: [
    (1, 3, "33.3%"), (2, 3, "66.7%"), (3, 3, "100.0%"), (0, 5, "0.0%"), (1, 0, "-"),
  ])
  func percent(count: Int, total: Int, expected: String) {
    #expect(ReportNumbers.percent(count, of: total) == expected)
  }
}
