import NetworkModel

/// The TLS handshakes mesh client Envoys decided for their connections in flight, by connecting
/// exchange, each with the exchange's generation when it was recorded; the server listener the
/// exchange reaches takes its handshake from here.
///
/// Kept as plain values, one small slot per exchange index, so that recording and taking a
/// handshake touches no reference count: a handshake is stored as a one-byte code, and only a
/// failed one keeps its reason, apart. A slot is not cleared when its exchange is reused: readers
/// compare the generation.
struct HandshakeSlots {
  private struct Slot {
    var generation: UInt32
    var code: UInt8
  }

  private static let none: UInt8 = 0
  private static let plaintext: UInt8 = 1
  /// `.tls`: this plus 1 when verified, plus 2 when mutual.
  private static let tls: UInt8 = 2
  private static let failed: UInt8 = 6

  private var slots: [Slot] = []
  /// The reasons of recorded failed handshakes, by exchange.
  private var failures: [Int32: String] = [:]

  /// Records `handshake` for exchange `e` at generation `generation`, replacing what the slot had.
  mutating func record(_ handshake: TLSHandshake, for e: Int32, generation: UInt32) {
    let index = Int(e)
    if index >= slots.count {
      slots.append(contentsOf: repeatElement(Slot(generation: 0, code: Self.none), count: index + 1 - slots.count))
    }
    if slots[index].code == Self.failed { failures[e] = nil }
    let code: UInt8
    switch handshake {
    case .plaintext: code = Self.plaintext
    case .tls(let verified, let mutual): code = Self.tls + (verified ? 1 : 0) + (mutual ? 2 : 0)
    case .failed(let reason):
      code = Self.failed
      failures[e] = reason
    }
    slots[index] = Slot(generation: generation, code: code)
  }

  /// The handshake recorded for exchange `e` at generation `generation`, removed from its slot;
  /// nil when none was (then the slot is left as it is).
  mutating func take(for e: Int32, generation: UInt32) -> TLSHandshake? {
    let index = Int(e)
    guard index < slots.count, slots[index].code != Self.none, slots[index].generation == generation
    else { return nil }
    let code = slots[index].code
    slots[index].code = Self.none
    switch code {
    case Self.plaintext: return .plaintext
    case Self.failed: return .failed(failures.removeValue(forKey: e) ?? "")
    default:
      let flags = code - Self.tls
      return .tls(verified: flags & 1 != 0, mutual: flags & 2 != 0)
    }
  }
}
