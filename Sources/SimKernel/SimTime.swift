/// An instant of simulated time: whole nanoseconds since the start of the run.
///
/// Integer time (as in ns-3) keeps every run exact and identical on every machine. A run
/// starts at `SimTime.zero` and the kernel's clock never moves backwards.
public struct SimTime: Comparable, Hashable, Sendable, CustomStringConvertible {
  /// Nanoseconds since the start of the run.
  public var nanoseconds: Int64

  /// Creates the instant `nanoseconds` after the start of the run.
  @inlinable
  public init(nanoseconds: Int64) {
    self.nanoseconds = nanoseconds
  }

  /// The start of the run.
  public static let zero = SimTime(nanoseconds: 0)

  /// The last representable instant; useful as an "until forever" limit.
  public static let distantFuture = SimTime(nanoseconds: .max)

  /// The time elapsed since the start of the run.
  @inlinable
  public var sinceStart: SimDuration {
    SimDuration(nanoseconds: nanoseconds)
  }

  @inlinable
  public static func < (lhs: SimTime, rhs: SimTime) -> Bool {
    lhs.nanoseconds < rhs.nanoseconds
  }

  /// The instant `rhs` after `lhs`. Traps on overflow.
  @inlinable
  public static func + (lhs: SimTime, rhs: SimDuration) -> SimTime {
    SimTime(nanoseconds: lhs.nanoseconds + rhs.nanoseconds)
  }

  /// The instant `rhs` before `lhs`. Traps on overflow.
  @inlinable
  public static func - (lhs: SimTime, rhs: SimDuration) -> SimTime {
    SimTime(nanoseconds: lhs.nanoseconds - rhs.nanoseconds)
  }

  /// The duration from `rhs` to `lhs` (negative when `lhs` is earlier).
  @inlinable
  public static func - (lhs: SimTime, rhs: SimTime) -> SimDuration {
    SimDuration(nanoseconds: lhs.nanoseconds - rhs.nanoseconds)
  }

  @inlinable
  public static func += (lhs: inout SimTime, rhs: SimDuration) {
    lhs = lhs + rhs
  }

  /// `"t="` followed by the time since the start in compact form, e.g. `"t=1.5s"`.
  public var description: String {
    "t=" + SimDuration(nanoseconds: nanoseconds).description
  }
}
