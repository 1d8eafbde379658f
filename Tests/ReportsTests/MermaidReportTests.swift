import Foundation
import Reports
import SimEngine
import Testing

@Suite struct MermaidReportTests {
  /// The diagrams between ```mermaid fences.
  static func diagrams(_ markdown: String) -> [[String]] {
    var blocks: [[String]] = []
    var current: [String]?
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line == "```mermaid" {
        #expect(current == nil)
        current = []
      } else if line == "```" {
        blocks.append(current ?? [])
        current = nil
      } else if current != nil {
        current!.append(line)
      }
    }
    #expect(current == nil, "unclosed fence")
    return blocks
  }

  /// The text with Mermaid entity codes removed (what is left must be plain).
  static func withoutEntities(_ text: String) -> String {
    text.replacingOccurrences(of: #"#[A-Za-z0-9]+;"#, with: "", options: .regularExpression)
  }

  static func matches(_ line: String, _ pattern: String) -> Bool {
    line.range(of: "^" + pattern + "$", options: .regularExpression) != nil
  }

  /// Checks a flowchart line by line: node declarations with quoted labels, then labelled edges.
  static func checkFlowchart(_ lines: [String], nodes: Int, edges: Int) {
    #expect(lines.first == "flowchart LR")
    let body = lines.dropFirst().map(withoutEntities)
    let shapes =
      #"(\(\["[^"<>;#`]*"\]\)|\["[^"<>;#`]*"\]|\[\("[^"<>;#`]*"\)\]|\{\{"[^"<>;#`]*"\}\}|\[/"[^"<>;#`]*"/\]|\[\["[^"<>;#`]*"\]\]|\("[^"<>;#`]*"\))"#
    let declared = body.filter { matches($0, #"  n[0-9]+"# + shapes) }
    let linked = body.filter { matches($0, #"  n[0-9]+ -->\|"[0-9]+"\| n[0-9]+"#) }
    #expect(declared.count == nodes)
    #expect(linked.count == edges)
    #expect(declared.count + linked.count == body.count, "\(body)")
  }

  /// Checks a sequence diagram: participants first, then messages and notes naming only them.
  static func checkSequence(_ lines: [String]) -> (participants: Int, messages: Int) {
    #expect(lines.first == "sequenceDiagram")
    var participants: Set<String> = []
    var messages = 0
    var seenStatement = false
    for line in lines.dropFirst().map(withoutEntities) {
      if let match = line.firstMatch(of: /^  participant (p[0-9]+) as [^#;\n]+$/) {
        #expect(!seenStatement, "participants come first")
        participants.insert(String(match.1))
      } else if let match = line.firstMatch(of: /^  (p[0-9]+)--?>>(p[0-9]+): [^#;\n]+$/) {
        seenStatement = true
        messages += 1
        #expect(participants.contains(String(match.1)) && participants.contains(String(match.2)))
      } else if let match = line.firstMatch(of: /^  Note over (p[0-9]+): [^#;\n]+$/) {
        seenStatement = true
        #expect(participants.contains(String(match.1)))
      } else {
        Issue.record("not a sequence diagram statement: \(line)")
      }
    }
    return (participants.count, messages)
  }

  @Test func topologyAndFirstRequest() throws {
    let result = try ReportFixtures.run(ReportFixtures.chainScenario)
    let markdown = MermaidReport.render(result)
    let blocks = Self.diagrams(markdown)
    #expect(blocks.count == 2)
    let graph = TopologyGraph(result)
    Self.checkFlowchart(blocks[0], nodes: graph.nodes.count, edges: graph.edges.count)
    #expect(blocks[0].contains("  n3([\"internet\"])"))
    #expect(blocks[0].contains("  n3 -->|\"10\"| n1"))
    let (participants, messages) = Self.checkSequence(blocks[1])
    #expect(participants == 4)
    #expect(messages == result.traces[0].hops.count)
    #expect(blocks[1].contains("  p0->>p1: GET 203.0.113.10:80/"))
    #expect(blocks[1].last == "  p1-->>p0: 200 delivered")
    #expect(markdown.hasPrefix("## Topology of chain (seed 1)\n\n```mermaid\nflowchart LR\n"))
  }

  @Test func hostileNamesBecomeEntityCodes() throws {
    let result = try ReportFixtures.run(ReportFixtures.hostileScenario)
    let markdown = MermaidReport.render(result)
    let blocks = Self.diagrams(markdown)
    #expect(blocks.count == 2)
    Self.checkFlowchart(blocks[0], nodes: 2, edges: 1)
    _ = Self.checkSequence(blocks[1])
    #expect(blocks[0].contains("  n0([\"#lt;script#gt;alert(#quot;x#quot;)#lt;/script#gt;\"])"))
    #expect(blocks[1].contains("  participant p0 as traffic a#quot;b#lt;c#gt;#59;#35;#96;d#96;"))
    // Headings are Markdown-escaped.
    #expect(markdown.contains("## Topology of weird \\<names\\> & \"quotes\" (seed 3)"))
  }

  @Test func withoutTracesOnlyTheTopology() throws {
    let result = try ReportFixtures.run(ReportFixtures.chainScenario, traces: 0)
    #expect(Self.diagrams(MermaidReport.render(result)).count == 1)
  }

  @Test(arguments: [
    ("a\"b", "a#quot;b"), ("x<y>z", "x#lt;y#gt;z"), ("semi;colon", "semi#59;colon"),
    ("#1", "#35;1"),
    ("a&b", "a#amp;b"), ("two\nlines", "two lines"), ("`code`", "#96;code#96;"),
  ])
  func escaping(raw: String, escaped: String) {
    #expect(MermaidEscaping.label(raw) == escaped)
  }

  @Test func longNotesAreCut() {
    let text = MermaidEscaping.text(String(repeating: "x", count: 200), limit: 120)
    #expect(text.count == 120)
    #expect(text.hasSuffix("…"))
  }
}
