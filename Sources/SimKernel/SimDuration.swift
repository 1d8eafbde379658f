/// A span of simulated time in whole nanoseconds.
///
/// Simulated time is integer nanoseconds (ns-3's integer time) so that runs are exact and
/// reproducible on every machine; there is no floating point anywhere in scheduling. Durations
/// may be negative as intermediate values (`a - b`), but the kernel only schedules forwards.
public struct SimDuration: Comparable, Hashable, Sendable, CustomStringConvertible {
  /// The length of the span in nanoseconds.
  public var nanoseconds: Int64

  /// Creates a duration of `nanoseconds` nanoseconds.
  @inlinable
  public init(nanoseconds: Int64) {
    self.nanoseconds = nanoseconds
  }

  /// The empty duration.
  public static let zero = SimDuration(nanoseconds: 0)

  /// The largest representable duration (about 292 years).
  public static let max = SimDuration(nanoseconds: .max)

  /// Nanoseconds in one microsecond, millisecond, second, minute and hour.
  @usableFromInline static let nanosecondsPerMicrosecond: Int64 = 1_000
  @usableFromInline static let nanosecondsPerMillisecond: Int64 = 1_000_000
  @usableFromInline static let nanosecondsPerSecond: Int64 = 1_000_000_000
  @usableFromInline static let nanosecondsPerMinute: Int64 = 60_000_000_000
  @usableFromInline static let nanosecondsPerHour: Int64 = 3_600_000_000_000

  /// A duration of `value` nanoseconds.
  @inlinable
  public static func nanoseconds(_ value: Int64) -> SimDuration {
    SimDuration(nanoseconds: value)
  }

  /// A duration of `value` microseconds. Traps on overflow.
  @inlinable
  public static func microseconds(_ value: Int64) -> SimDuration {
    SimDuration(nanoseconds: value * nanosecondsPerMicrosecond)
  }

  /// A duration of `value` milliseconds. Traps on overflow.
  @inlinable
  public static func milliseconds(_ value: Int64) -> SimDuration {
    SimDuration(nanoseconds: value * nanosecondsPerMillisecond)
  }

  /// A duration of `value` seconds. Traps on overflow.
  @inlinable
  public static func seconds(_ value: Int64) -> SimDuration {
    SimDuration(nanoseconds: value * nanosecondsPerSecond)
  }

  /// A duration of `value` minutes. Traps on overflow.
  @inlinable
  public static func minutes(_ value: Int64) -> SimDuration {
    SimDuration(nanoseconds: value * nanosecondsPerMinute)
  }

  /// A duration of `value` hours. Traps on overflow.
  @inlinable
  public static func hours(_ value: Int64) -> SimDuration {
    SimDuration(nanoseconds: value * nanosecondsPerHour)
  }

  @inlinable
  public static func < (lhs: SimDuration, rhs: SimDuration) -> Bool {
    lhs.nanoseconds < rhs.nanoseconds
  }

  @inlinable
  public static func + (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
    SimDuration(nanoseconds: lhs.nanoseconds + rhs.nanoseconds)
  }

  @inlinable
  public static func - (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
    SimDuration(nanoseconds: lhs.nanoseconds - rhs.nanoseconds)
  }

  @inlinable
  public static prefix func - (operand: SimDuration) -> SimDuration {
    SimDuration(nanoseconds: -operand.nanoseconds)
  }

  @inlinable
  public static func * (lhs: SimDuration, rhs: Int64) -> SimDuration {
    SimDuration(nanoseconds: lhs.nanoseconds * rhs)
  }

  @inlinable
  public static func * (lhs: Int64, rhs: SimDuration) -> SimDuration {
    SimDuration(nanoseconds: lhs * rhs.nanoseconds)
  }

  /// Integer division, truncating towards zero.
  @inlinable
  public static func / (lhs: SimDuration, rhs: Int64) -> SimDuration {
    SimDuration(nanoseconds: lhs.nanoseconds / rhs)
  }

  @inlinable
  public static func += (lhs: inout SimDuration, rhs: SimDuration) {
    lhs = lhs + rhs
  }

  @inlinable
  public static func -= (lhs: inout SimDuration, rhs: SimDuration) {
    lhs = lhs - rhs
  }

  /// The shortest exact decimal of the duration in milliseconds, without a unit.
  ///
  /// `3_100_000` ns is `"3.1"`, `3_000_000` ns is `"3"`, `1` ns is `"0.000001"`, `0` is `"0"`;
  /// negative durations start with `"-"`. Used for JSON reports, which state times in ms.
  public var millisecondsDecimal: String {
    DecimalText.format(nanoseconds, unit: SimDuration.nanosecondsPerMillisecond)
  }

  /// Compact human text that `parse(_:)` reads back exactly: `"1.5ms"`, `"30s"`, `"2m"`,
  /// `"250us"`, `"1h"`, `"0s"`.
  ///
  /// Whole hours print in `h` and whole minutes in `m`; anything else uses the largest of
  /// `s`, `ms`, `us`, `ns` that is not greater than the magnitude, with an exact decimal.
  public var description: String {
    if nanoseconds == 0 { return "0s" }
    let magnitude = nanoseconds.magnitude
    let unit: Int64
    let suffix: String
    if magnitude % UInt64(SimDuration.nanosecondsPerHour) == 0 {
      (unit, suffix) = (SimDuration.nanosecondsPerHour, "h")
    } else if magnitude % UInt64(SimDuration.nanosecondsPerMinute) == 0 {
      (unit, suffix) = (SimDuration.nanosecondsPerMinute, "m")
    } else if magnitude >= UInt64(SimDuration.nanosecondsPerSecond) {
      (unit, suffix) = (SimDuration.nanosecondsPerSecond, "s")
    } else if magnitude >= UInt64(SimDuration.nanosecondsPerMillisecond) {
      (unit, suffix) = (SimDuration.nanosecondsPerMillisecond, "ms")
    } else if magnitude >= UInt64(SimDuration.nanosecondsPerMicrosecond) {
      (unit, suffix) = (SimDuration.nanosecondsPerMicrosecond, "us")
    } else {
      (unit, suffix) = (1, "ns")
    }
    return DecimalText.format(nanoseconds, unit: unit) + suffix
  }
}
