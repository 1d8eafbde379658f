/// Values kept per exchange index, in an array instead of a dictionary: App Mesh's upstream
/// calls (by downstream exchange; an exchange has one callee, so one Envoy at most has a call for
/// it). A slot is not cleared when its exchange is reused: values carry the exchange's generation
/// (and a call its Envoy), which readers check.
struct ExchangeSlots<Value> {
  private var values: [Value?] = []

  subscript(e: Int32) -> Value? {
    // One unsigned comparison tests both bounds (a negative index is no slot).
    get { values.withUnsafeBufferPointer { UInt(bitPattern: Int(e)) < UInt($0.count) ? $0[Int(e)] : nil } }
    _modify {
      if Int(e) >= values.count {
        values.append(contentsOf: repeatElement(nil, count: Int(e) + 1 - values.count))
      }
      yield &values[Int(e)]
    }
  }

  /// Removes and returns the value of slot `e`.
  mutating func take(_ e: Int32) -> Value? {
    guard Int(e) < values.count else { return nil }
    return values[Int(e)].take()
  }
}
