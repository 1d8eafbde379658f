/// The statistics of a run's traffic streams, by stream index, in slots the world owns.
///
/// A class-backed table, like `ExchangeTable`: counting a sent request or recording a
/// response (once each per request) changes the stream's statistics in place with no
/// copy-on-write check, where an array of them checked that its buffer was not shared on every
/// write. It belongs to one `World` and is never copied apart from it.
public struct StreamStatisticsTable: RandomAccessCollection {
  /// Stream `i`'s statistics in slot `i` (slots are only ever added, in stream order).
  private let slab = Slab<StreamStatistics>()

  /// A table holding `streams` in order.
  public init(_ streams: [StreamStatistics]) {
    for (index, statistics) in streams.enumerated() {
      let slot = slab.allocate { _ in statistics }
      precondition(Int(slot) == index, "stream statistics are stored in stream order")
    }
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { slab.count }

  /// Stream `index`'s statistics, read and changed in place.
  public subscript(index: Int) -> StreamStatistics {
    _read { yield slab[Int32(index)] }
    nonmutating _modify { yield &slab[Int32(index)] }
  }
}
