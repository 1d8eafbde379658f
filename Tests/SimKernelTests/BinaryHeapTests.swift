import SimKernel
import Testing

@Suite("BinaryHeap")
struct BinaryHeapTests {
  @Test("an empty heap has no minimum")
  func empty() {
    var heap = BinaryHeap<Int>()
    #expect(heap.isEmpty)
    #expect(heap.count == 0)
    #expect(heap.min == nil)
    #expect(heap.popMin() == nil)
  }

  @Test("pops in ascending order, duplicates included")
  func popsSorted() {
    var heap = BinaryHeap<Int>()
    heap.reserveCapacity(16)
    for value in [5, 3, 9, 1, 3, 7, 0, 9, 2] { heap.insert(value) }
    #expect(heap.count == 9)
    #expect(heap.min == 0)
    #expect(heap.unordered.sorted() == [0, 1, 2, 3, 3, 5, 7, 9, 9])
    var popped: [Int] = []
    while let value = heap.popMin() { popped.append(value) }
    #expect(popped == [0, 1, 2, 3, 3, 5, 7, 9, 9])
    #expect(heap.isEmpty)
  }

  @Test("building from a sequence heapifies it")
  func heapify() {
    var random = RandomSource(seed: 99)
    let values = (0..<500).map { _ in Int(random.nextInt(below: 100)) }
    var heap = BinaryHeap(values)
    #expect(heapViolation(heap) == nil)
    var popped: [Int] = []
    while let value = heap.popMin() { popped.append(value) }
    #expect(popped == values.sorted())
  }

  @Test("random inserts and pops keep the heap order (seed sweep)")
  func randomSweep() {
    for seed in UInt64(0)..<400 {
      var random = RandomSource(seed: seed, stream: "heap-sweep")
      var heap = BinaryHeap<UInt64>()
      var reference: [UInt64] = []
      let operations = 20 + Int(random.nextInt(below: 200))
      for _ in 0..<operations {
        if random.nextInt(below: 3) < 2 {
          let value = random.nextInt(below: 50)
          heap.insert(value)
          reference.append(value)
        } else {
          let expected = reference.min()
          if let expected, let index = reference.firstIndex(of: expected) {
            reference.remove(at: index)
          }
          let popped = heap.popMin()
          #expect(popped == expected, "seed \(seed)")
        }
        if let violation = heapViolation(heap) {
          Issue.record("seed \(seed): \(violation)")
          return
        }
        #expect(heap.count == reference.count, "seed \(seed)")
        #expect(heap.min == reference.min(), "seed \(seed)")
      }
      var drained: [UInt64] = []
      while let value = heap.popMin() { drained.append(value) }
      #expect(drained == reference.sorted(), "seed \(seed)")
    }
  }

  #if DEBUG
    @Test("checkInvariants accepts a valid heap")
    func checkInvariants() {
      var heap = BinaryHeap<Int>()
      for value in (0..<100).reversed() { heap.insert(value) }
      heap.checkInvariants()
      #expect(heap.invariantViolation() == nil)
    }
  #endif
}

/// The heap's own checker in debug builds; an equivalent external check otherwise.
func heapViolation<Element>(_ heap: BinaryHeap<Element>) -> String? {
  #if DEBUG
    return heap.invariantViolation()
  #else
    let storage = heap.unordered
    for index in storage.indices.dropFirst() where storage[index] < storage[(index - 1) / 2] {
      return "element at \(index) is smaller than its parent"
    }
    return nil
  #endif
}
