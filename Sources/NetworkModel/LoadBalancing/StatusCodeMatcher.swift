/// The success codes of a health check, as `Matcher.HttpCode` writes them: `200`, `200,202`,
/// `200-299` (or gRPC codes such as `0-99`).
public struct StatusCodeMatcher: Sendable, Equatable, CustomStringConvertible {
  public var ranges: [ClosedRange<Int>]

  public init(ranges: [ClosedRange<Int>]) { self.ranges = ranges }

  /// Parses `200`, `200,202` or `200-299`; nil when malformed.
  public init?(_ text: String) {
    var ranges: [ClosedRange<Int>] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
      guard (1...2).contains(bounds.count), let low = Int(bounds[0].trimmedOfSpaces),
        let high = Int(bounds[bounds.count - 1].trimmedOfSpaces), low <= high
      else { return nil }
      ranges.append(low...high)
    }
    guard !ranges.isEmpty else { return nil }
    self.ranges = ranges
  }

  /// Whether `status` counts as a successful check.
  public func matches(_ status: Int) -> Bool { ranges.contains { $0.contains(status) } }

  /// Whether every code lies inside `allowed`.
  public func isWithin(_ allowed: ClosedRange<Int>) -> Bool {
    ranges.allSatisfy { allowed.contains($0.lowerBound) && allowed.contains($0.upperBound) }
  }

  /// `200`, `200,202`, `200-299`.
  public var description: String {
    ranges.map {
      $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)"
    }
    .joined(separator: ",")
  }
}
