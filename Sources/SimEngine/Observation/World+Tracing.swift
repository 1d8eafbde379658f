import SimKernel

extension World {
  /// Records a traced request's movement over exchange `e`: the request reaching its callee, or
  /// the answer (or a timeout) reaching the caller. Only traced requests pay for this.
  func recordHop(_ e: Int32, _ direction: TraceHop.Direction) {
    let exchange = exchanges[e]
    let record = requests[exchange.request]
    guard record.isOpen, record.trace >= 0, exchange.callee >= 0 else { return }
    let caller = actors[Int(exchange.caller)]
    let callee = actors[Int(exchange.callee)]
    let head = exchange.head
    let line = "\(head.method) \(head.host):\(head.port)\(head.target)"
    let hop: TraceHop
    switch direction {
    case .request:
      hop = TraceHop(
        time: now, direction: .request, fromActor: caller.name, toActor: callee.name,
        fromNode: caller.groupName, toNode: callee.groupName, request: line, afterStep: 0)
    case .response:
      let response = exchange.response
      hop = TraceHop(
        time: now, direction: .response, fromActor: callee.name, toActor: caller.name,
        fromNode: callee.groupName, toNode: caller.groupName, request: line,
        status: response.status == 0 ? nil : response.status,
        disposition: response.disposition.rawValue, afterStep: 0)
    }
    traces.appendHop(Int(record.trace), hop)
  }
}
