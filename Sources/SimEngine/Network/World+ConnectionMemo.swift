extension World {
  /// The memo of a plain connection from ENI `interface` to `address:port`, if one was made
  /// under the current network version.
  ///
  /// Each ENI has `ConnectionMemo.slotCount` slots; a connection lives in the first free (or
  /// stale) slot from its home slot on (linear probing within the ENI's slots), so up to that
  /// many destinations per ENI are remembered side by side instead of evicting each other when
  /// their home slots collide.
  @inline(__always)
  func connectionMemo(from interface: Int32, to address: UInt32, port: Int) -> ConnectionMemo? {
    let base = Int(interface) &* ConnectionMemo.slotCount
    guard base < connectionMemos.count else { return nil }
    let home = ConnectionMemo.slot(address: address, port: port)
    let version = network.value
    for probe in 0..<ConnectionMemo.slotCount {
      let slot = base &+ ((home &+ probe) & (ConnectionMemo.slotCount - 1))
      if connectionMemos[slot].version == 0 { return nil }  // never used: nothing further on
      if connectionMemos[slot].version == version && connectionMemos[slot].address == address
        && connectionMemos[slot].port == port
      {
        return connectionMemos[slot]
      }
    }
    return nil
  }

  /// Remembers a plain connection from ENI `interface` (after `connectionMemo` found none): in
  /// the first never-used or stale slot from its home slot on, else in its home slot.
  func rememberConnection(_ memo: ConnectionMemo, from interface: Int32) {
    let base = Int(interface) &* ConnectionMemo.slotCount
    if connectionMemos.count < base + ConnectionMemo.slotCount {
      connectionMemos.append(
        contentsOf: repeatElement(ConnectionMemo(), count: base + ConnectionMemo.slotCount - connectionMemos.count))
    }
    let home = ConnectionMemo.slot(address: memo.address, port: memo.port)
    var chosen = base &+ home
    for probe in 0..<ConnectionMemo.slotCount {
      let slot = base &+ ((home &+ probe) & (ConnectionMemo.slotCount - 1))
      if connectionMemos[slot].version != memo.version {
        chosen = slot
        break
      }
    }
    connectionMemos[chosen] = memo
  }
}
