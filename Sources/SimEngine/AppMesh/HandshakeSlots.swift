import NetworkModel

/// The TLS handshakes mesh client Envoys decided for their connections in flight, by connecting
/// exchange, each with the exchange's generation when it was recorded; the server listener the
/// exchange reaches takes its handshake from here.
///
/// Kept as plain values, one small slot per exchange index, so that recording and taking a
/// handshake touches no reference count: a handshake is stored as a one-byte `Code`, and only a
/// failed one keeps its reason, apart. A slot is not cleared when its exchange is reused: readers
/// compare the generation.
///
/// A class owning its slots' memory (held by the control plane in a `let`), so that recording
/// and taking write in place: no copy-on-write check of an array per request.
final class HandshakeSlots {
  /// A handshake as one byte: none, plaintext, TLS (verified, mutual) or failed.
  struct Code: Equatable {
    let raw: UInt8

    static let none = Code(raw: 0)
    static let plaintext = Code(raw: 1)
    /// `.tls`: this plus 1 when verified, plus 2 when mutual.
    private static let tls: UInt8 = 2
    static let failed = Code(raw: 6)

    private init(raw: UInt8) { self.raw = raw }

    init(_ handshake: TLSHandshake) {
      switch handshake {
      case .plaintext: self = .plaintext
      case .tls(let verified, let mutual): raw = Self.tls + (verified ? 1 : 0) + (mutual ? 2 : 0)
      case .failed: self = .failed
      }
    }

    /// The handshake, given the reason when it failed.
    func handshake(failure: @autoclosure () -> String) -> TLSHandshake? {
      switch self {
      case .none: return nil
      case .plaintext: return .plaintext
      case .failed: return .failed(failure())
      default:
        let flags = raw - Self.tls
        return .tls(verified: flags & 1 != 0, mutual: flags & 2 != 0)
      }
    }
  }

  private struct Slot {
    var generation: UInt32
    var code: Code
  }

  /// The slots, `capacity` of them, by exchange index.
  private var slots: UnsafeMutablePointer<Slot>
  private var capacity = 0
  /// The reasons of recorded failed handshakes, by exchange.
  private var failures: [Int32: String] = [:]

  init() { slots = .allocate(capacity: 0) }

  deinit { slots.deallocate() }

  /// Makes room for a slot at `index` (new slots hold no handshake).
  @inline(never)
  private func grow(toHold index: Int) {
    let newCapacity = max(index + 1, capacity * 2, 64)
    let grown = UnsafeMutablePointer<Slot>.allocate(capacity: newCapacity)
    grown.moveInitialize(from: slots, count: capacity)
    (grown + capacity).initialize(repeating: Slot(generation: 0, code: .none), count: newCapacity - capacity)
    slots.deallocate()
    slots = grown
    capacity = newCapacity
  }

  /// Records handshake `code` (with its reason `failure` when it failed) for exchange `e` at
  /// generation `generation`, replacing what the slot had.
  func record(_ code: Code, failure: String?, for e: Int32, generation: UInt32) {
    let index = Int(e)
    precondition(index >= 0, "an exchange index")
    if index >= capacity { grow(toHold: index) }
    if slots[index].code == .failed || code == .failed { failures[e] = failure }
    slots[index] = Slot(generation: generation, code: code)
  }

  /// Records `handshake` for exchange `e` at generation `generation`.
  func record(_ handshake: TLSHandshake, for e: Int32, generation: UInt32) {
    var failure: String?
    if case .failed(let reason) = handshake { failure = reason }
    record(Code(handshake), failure: failure, for: e, generation: generation)
  }

  /// The code of the handshake recorded for exchange `e` at generation `generation`, removed
  /// from its slot (a failed one's reason is then `takeFailure(for:)`); `.none` when none was
  /// (then the slot is left as it is).
  @inline(__always)
  func takeCode(for e: Int32, generation: UInt32) -> Code {
    let index = Int(e)
    // One unsigned comparison tests both bounds.
    guard UInt(bitPattern: index) < UInt(capacity), slots[index].code != .none, slots[index].generation == generation
    else { return .none }
    let code = slots[index].code
    slots[index].code = .none
    return code
  }

  /// The reason of the failed handshake `takeCode` just answered for exchange `e`.
  func takeFailure(for e: Int32) -> String {
    failures.removeValue(forKey: e) ?? ""
  }

  /// The handshake recorded for exchange `e` at generation `generation`, removed from its slot;
  /// nil when none was.
  func take(for e: Int32, generation: UInt32) -> TLSHandshake? {
    let code = takeCode(for: e, generation: generation)
    return code.handshake(failure: takeFailure(for: e))
  }
}
