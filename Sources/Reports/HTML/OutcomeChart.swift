import SimEngine
import SimKernel

/// The charts of one traffic stream, as inline SVG: where its requests ended (one stacked bar)
/// and the same over time (stacked columns per second of request start), with the run's
/// timeline events marked on the time axis.
public enum OutcomeChart {
  /// One bar, 1000 units wide, split by category in legend order.
  public static func stackedBar(_ categories: OutcomeCategories, total: Int, id: String) -> String {
    let sum = categories.categories.map(\.count).reduce(0, +)
    var out =
      "<svg class=\"bar\" id=\"\(id)\" viewBox=\"0 0 1000 28\" preserveAspectRatio=\"none\" role=\"img\""
    out += " aria-label=\"outcomes of \(total) requests\">"
    guard sum > 0 else { return out + "<rect class=\"empty\" width=\"1000\" height=\"28\"/></svg>" }
    var running = 0
    for category in categories.categories where category.count > 0 {
      let x0 = running * 1000 / sum
      running += category.count
      let x1 = running * 1000 / sum
      out +=
        "<rect x=\"\(x0)\" width=\"\(max(x1 - x0, 1))\" height=\"28\" fill=\"\(category.color)\">"
      out +=
        "<title>\(HTMLEscaping.text(category.label)): \(category.count) (\(ReportNumbers.percent(category.count, of: total)))"
      out += "</title></rect>"
    }
    return out + "</svg>"
  }

  /// Geometry of the over-time chart.
  static let width = 1000
  static let left = 52
  static let right = 12
  static let top = 18
  static let plotHeight = 150
  static let maximumBars = 200

  /// Stacked columns of outcomes per time bucket (one second, or more for long runs) with the
  /// timeline's events as dashed markers.
  public static func overTime(
    _ stream: RunResult.Stream, categories: OutcomeCategories, timeline: [TimelineEntry],
    id: String
  ) -> String {
    let height = top + plotHeight + 34
    var out =
      "<svg class=\"timechart\" id=\"\(id)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\""
    out += " aria-label=\"outcomes of \(HTMLEscaping.text(stream.name)) over time\">"
    guard let last = stream.perSecond.last?.second else {
      return out
        + "<text x=\"\(width / 2)\" y=\"\(height / 2)\" text-anchor=\"middle\">no requests were sent</text></svg>"
    }
    let seconds = last + 1
    let bucket = (seconds + maximumBars - 1) / maximumBars
    let bars = (seconds + bucket - 1) / bucket
    var counts = Array(
      repeating: Array(repeating: 0, count: categories.categories.count), count: bars)
    for (second, rows) in stream.perSecond {
      for row in rows {
        guard let category = categories.category(of: row) else { continue }
        counts[second / bucket][category] += row.count
      }
    }
    let highest = max(counts.map { $0.reduce(0, +) }.max() ?? 1, 1)
    let plotWidth = width - left - right
    let baseline = top + plotHeight
    // Axes and labels.
    out +=
      "<line class=\"axis\" x1=\"\(left)\" y1=\"\(baseline)\" x2=\"\(width - right)\" y2=\"\(baseline)\"/>"
    out += "<line class=\"axis\" x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(baseline)\"/>"
    let unit = bucket == 1 ? "/s" : " per \(bucket)s"
    out +=
      "<text class=\"tick\" x=\"\(left - 6)\" y=\"\(top + 4)\" text-anchor=\"end\">\(highest)</text>"
    out +=
      "<text class=\"tick\" x=\"\(left - 6)\" y=\"\(baseline + 4)\" text-anchor=\"end\">0</text>"
    out +=
      "<text class=\"tick\" x=\"\(left + 4)\" y=\"\(top - 6)\">requests\(unit) by start time</text>"
    let step = tickStep(seconds)
    var tick = 0
    while tick <= seconds {
      let x = left + tick * plotWidth / seconds
      out +=
        "<line class=\"grid\" x1=\"\(x)\" y1=\"\(baseline)\" x2=\"\(x)\" y2=\"\(baseline + 4)\"/>"
      out +=
        "<text class=\"tick\" x=\"\(x)\" y=\"\(baseline + 16)\" text-anchor=\"middle\">\(tick)s</text>"
      tick += step
    }
    // Columns.
    for bar in 0..<bars {
      let x0 = left + bar * plotWidth / bars
      let x1 = left + (bar + 1) * plotWidth / bars
      var stacked = 0
      for (category, count) in counts[bar].enumerated() where count > 0 {
        let y0 = baseline - stacked * plotHeight / highest
        stacked += count
        let y1 = baseline - stacked * plotHeight / highest
        out +=
          "<rect x=\"\(x0)\" y=\"\(y1)\" width=\"\(max(x1 - x0 - (bars > 100 ? 0 : 1), 1))\" height=\"\(max(y0 - y1, 1))\""
        out += " fill=\"\(categories.categories[category].color)\"><title>\(bar * bucket)s: "
        out +=
          "\(HTMLEscaping.text(categories.categories[category].label)) × \(count)</title></rect>"
      }
    }
    // Timeline markers, one per second that has events.
    var marks: [(second: Int, texts: [String])] = []
    for entry in timeline {
      let second = Int(entry.time.nanoseconds / 1_000_000_000)
      guard second < seconds else { continue }
      if marks.last?.second == second {
        marks[marks.count - 1].texts.append(entry.text)
      } else {
        marks.append((second, [entry.text]))
      }
    }
    for mark in marks where mark.second > 0 {
      let x = left + mark.second * plotWidth / seconds
      out +=
        "<g class=\"marker\"><title>\(mark.second)s: \(mark.texts.map(HTMLEscaping.text).joined(separator: "\n"))</title>"
      out += "<line x1=\"\(x)\" y1=\"\(top)\" x2=\"\(x)\" y2=\"\(baseline)\"/>"
      out += "<path d=\"M\(x - 5),\(top - 2) L\(x + 5),\(top - 2) L\(x),\(top + 6) z\"/></g>"
    }
    return out + "</svg>"
  }

  /// A tick spacing giving at most about ten ticks.
  static func tickStep(_ seconds: Int) -> Int {
    for step in [
      1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400,
    ]
    where seconds / step <= 10 {
      return step
    }
    return max(1, seconds / 10)
  }
}
