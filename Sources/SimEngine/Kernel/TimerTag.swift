/// Packs "this timer is about exchange E (generation G), for purpose K" into a timer tag, so
/// a timer for an exchange that has since been answered or reused is recognised and ignored.
public struct TimerTag: Sendable, Equatable {
  public var kind: Int
  public var exchange: Int32
  /// Low 24 bits of the exchange's generation.
  public var generation: UInt32

  public init(kind: Int, exchange: Int32, generation: UInt32) {
    self.kind = kind
    self.exchange = exchange
    self.generation = generation & 0xFF_FFFF
  }

  public init(_ raw: Int64) {
    exchange = Int32(truncatingIfNeeded: raw & 0xFFFF_FFFF)
    generation = UInt32(truncatingIfNeeded: (raw >> 32) & 0xFF_FFFF)
    kind = Int((raw >> 56) & 0x7F)
  }

  public var raw: Int64 {
    Int64(UInt32(bitPattern: exchange)) | Int64(generation) << 32 | Int64(kind & 0x7F) << 56
  }

  /// Whether the exchange is still the one this timer was set for, and still waiting.
  public func isCurrent(in world: World) -> Bool {
    exchange >= 0 && world.exchanges[exchange].generation & 0xFF_FFFF == generation
      && world.exchanges[exchange].isOpen && !world.exchanges[exchange].answered
  }
}
