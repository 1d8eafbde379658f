/// The payload of every scheduled event: facts that happened, addressed by index so events
/// stay small and allocation-free (16 bytes: the widest case lists its 64-bit value first, so
/// the 32-bit one and the case tag share the second word).
public enum Message: Sendable {
  /// The next request of traffic stream `stream` is due.
  case trafficDue(stream: Int32)
  /// A request reached the callee of `exchange`.
  case requestArrived(exchange: Int32, generation: UInt32)
  /// The response of `exchange` reached its caller.
  case responseArrived(exchange: Int32, generation: UInt32)
  /// The caller of `exchange` gave up waiting (or a dropped packet's timeout expired).
  case exchangeTimedOut(exchange: Int32, generation: UInt32)
  /// An actor's own timer (`tag` means what the actor says it means).
  case timerFired(tag: Int64, actor: Int32)
  /// An actor's timer about one exchange (`tag` is a ``TimerTag``); obsolete, and dropped
  /// unrun, once that exchange has been answered or reused.
  case exchangeTimerFired(tag: Int64, actor: Int32)
  /// Scenario event number `index` takes effect.
  case scenarioEvent(index: Int32)

  /// A small stable digest of the message, mixed into the run's fingerprint.
  @inline(__always)
  var fingerprintWord: UInt64 {
    switch self {
    case .trafficDue(let s): return 1 << 56 | UInt64(UInt32(bitPattern: s))
    case .requestArrived(let e, _): return 2 << 56 | UInt64(UInt32(bitPattern: e))
    case .responseArrived(let e, _): return 3 << 56 | UInt64(UInt32(bitPattern: e))
    case .exchangeTimedOut(let e, _): return 4 << 56 | UInt64(UInt32(bitPattern: e))
    case .timerFired(let t, let a): return 5 << 56 | UInt64(UInt32(bitPattern: a)) << 24 ^ UInt64(bitPattern: t)
    case .scenarioEvent(let i): return 6 << 56 | UInt64(UInt32(bitPattern: i))
    case .exchangeTimerFired(let t, let a): return 7 << 56 | UInt64(UInt32(bitPattern: a)) << 24 ^ UInt64(bitPattern: t)
    }
  }
}
