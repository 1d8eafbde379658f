import SimEngine
import SimKernel

/// `meshsim explain`: one request, hop by hop, with every decision.
public enum TraceReport {
  public static func render(_ trace: RequestTrace) -> String {
    var out = "request \(trace.index) of traffic \(trace.stream): \(trace.method) \(trace.url)\n"
    var lastActor = ""
    var hop = 0
    // One time column for the whole trace, as wide as its longest time.
    let timeWidth = max(12, (trace.steps.map { $0.time.sinceStart.reportMilliseconds.count + 3 }.max() ?? 0))
    for step in trace.steps {
      if step.actor != lastActor {
        hop += 1
        out += "\n\(hop). \(step.actor)\n"
        lastActor = step.actor
      }
      let time = step.time.sinceStart.reportMilliseconds
      out += "   \(pad(time + " ms", timeWidth)) \(pad(step.kind.rawValue, 9)) \(step.detail)\n"
    }
    out += "\nresult: "
    if let status = trace.status { out += "\(status) " }
    out += trace.disposition ?? "notCompleted"
    if let service = trace.service { out += " · service \(service)" }
    if let task = trace.task { out += " · task \(task)" }
    if let body = trace.body { out += " · body \"\(body)\"" }
    if let finished = trace.finishedAt { out += " · \((finished - trace.startedAt).reportMilliseconds) ms" }
    return out + "\n"
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
