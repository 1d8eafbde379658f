import Foundation
import Reports
import SimKernel
import Testing

@testable import SimEngine

@Suite struct HTMLReportTests {
  static func occurrences(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  @Test func pageHasEveryPartOfTheReport() throws {
    let result = try ReportFixtures.run(ReportFixtures.chainScenario, traces: 2)
    let html = HTMLReport.render(result)
    let graph = TopologyGraph(result)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.hasSuffix("</html>\n"))
    #expect(Self.occurrences("<svg class=\"topology\"", in: html) == 1)
    #expect(Self.occurrences("<g class=\"node ", in: html) == graph.nodes.count)
    #expect(
      Self.occurrences("<g class=\"edge\" id=", in: html)
        + Self.occurrences("<g class=\"edge backward\"", in: html)
        == graph.edges.count)
    for (index, edge) in graph.edges.enumerated() {
      #expect(
        html.contains("id=\"edge-\(index)\" data-from=\"\(edge.from)\" data-to=\"\(edge.to)\""))
      #expect(html.contains("text-anchor=\"middle\">\(edge.count)</text>"))
    }
    // The step-through: one list per traced request, one item per frame.
    #expect(Self.occurrences("<ol class=\"frames\"", in: html) == result.traces.count)
    let frames = result.traces.map {
      TracePlayback($0, origin: "internet", graph: graph).frames.count
    }.reduce(0, +)
    #expect(Self.occurrences("<li data-node=", in: html) == frames)
    #expect(Self.occurrences("<option>", in: html) == result.traces.count)
    // Charts per stream, the timeline section and the one inline script.
    #expect(Self.occurrences("<svg class=\"bar\"", in: html) == result.streams.count)
    #expect(Self.occurrences("<svg class=\"timechart\"", in: html) == result.streams.count)
    #expect(html.contains("<section id=\"timeline\">"))
    #expect(Self.occurrences("<script>", in: html) == 1)
  }

  @Test(arguments: [
    ("<svg", "</svg>"), ("<g ", "</g>"), ("<ol", "</ol>"), ("<li ", "</li>"),
    ("<table", "</table>"),
    ("<tr", "</tr>"), ("<section", "</section>"), ("<title", "</title>"), ("<select", "</select>"),
  ])
  func elementsAreClosed(open: String, close: String) throws {
    let html = HTMLReport.render(try ReportFixtures.run(ReportFixtures.chainScenario))
    #expect(Self.occurrences(open, in: html) == Self.occurrences(close, in: html))
  }

  @Test func pageIsSelfContained() throws {
    let html = HTMLReport.render(try ReportFixtures.bundled("cloudmap/backend-scaling.json"))
    for pattern in [
      #"src\s*="#, #"href="(?!#|data:)"#, #"url\((?!#)"#, "@import", #"<link rel="stylesheet""#,
    ] {
      #expect(html.range(of: pattern, options: .regularExpression) == nil, "\(pattern)")
    }
  }

  @Test func hostileNamesAreEscapedEverywhere() throws {
    let result = try ReportFixtures.run(ReportFixtures.hostileScenario)
    let html = HTMLReport.render(result)
    for raw in [
      ReportFixtures.hostileClient, ReportFixtures.hostileEndpoint, ReportFixtures.hostileStream,
      "<b>hi</b>",
      "x?<y>", "<names>",
    ] {
      #expect(!html.contains(raw), "\(raw)")
    }
    #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
    #expect(html.contains("external api &quot;v2&quot; &lt;beta&gt; &amp; co;#1 &#39;q&#39;"))
    #expect(html.contains("&lt;b&gt;hi&lt;/b&gt;"))
    #expect(Self.occurrences("<script", in: html) == 1)
  }

  @Test func sameScenarioAndSeedGiveTheSameBytes() throws {
    let first = HTMLReport.render(try ReportFixtures.bundled("cloudmap/backend-scaling.json"))
    let second = HTMLReport.render(try ReportFixtures.bundled("cloudmap/backend-scaling.json"))
    #expect(first == second)
    let chainA = HTMLReport.render(try ReportFixtures.run(ReportFixtures.chainScenario, seed: 9))
    let chainB = HTMLReport.render(try ReportFixtures.run(ReportFixtures.chainScenario, seed: 9))
    #expect(chainA == chainB)
  }

  @Test func timelineEventsAreMarkedOnTheTimeChart() throws {
    let result = try ReportFixtures.bundled("cloudmap/backend-scaling.json")
    let html = HTMLReport.render(result)
    // The scale-out at 30 s and the tasks running at 50 s.
    #expect(html.contains("<title>30s: event: scale service &#39;backend&#39; to 3 tasks"))
    #expect(html.contains("<title>50s: task backend/2 RUNNING"))
    #expect(html.contains("<tr class=\"event\"><td class=\"time\">30</td>"))
  }

  @Test func aRunWithoutTracesSaysSo() throws {
    let result = try ReportFixtures.run(ReportFixtures.chainScenario, traces: 0)
    let html = HTMLReport.render(result)
    #expect(html.contains("No sample requests were traced"))
    #expect(!html.contains("<ol class=\"frames\""))
  }
}

@Suite struct HTMLTimelineTests {
  @Test func longTimelinesAreCut() {
    let entries = (0..<2500).map {
      TimelineEntry(time: SimTime(nanoseconds: Int64($0) * 1_000_000), text: "entry \($0)")
    }
    let html = HTMLReport.timeline(entries)
    #expect(html.components(separatedBy: "<td class=\"time\">").count - 1 == 2000)
    #expect(html.contains("… and 500 more"))
    #expect(!html.contains("entry 2000<"))
  }
}
