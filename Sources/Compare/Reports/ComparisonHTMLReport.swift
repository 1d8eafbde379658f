import Reports
import SimEngine

/// The comparison as one self-contained page (`compare --format html`): the side-by-side table
/// with good and bad cells marked, then per wiring its topology diagram with a request
/// step-through, its outcome charts and its timeline.
public enum ComparisonHTMLReport {
  public static func render(_ comparison: Comparison) -> String {
    var page = HTMLPage(title: "MeshSim compare · \(comparison.app.name)")
    page.subtitle =
      [
        "seed \(comparison.seed) · \(comparison.runs.count) wirings under the same traffic and events"
      ]
      + ComparisonSummary.lines(comparison.app).map(HTMLEscaping.text)
    page.section("comparison", "Side by side", table(comparison))
    for (index, run) in comparison.runs.enumerated() {
      page.section(
        "option-\(run.wired.option.rawValue)", run.wired.option.title,
        option(run, prefix: "o\(index)-"))
    }
    page.section(
      "costs", "How the costs were estimated",
      "<pre>" + HTMLEscaping.text(ComparisonSummary.costNotes(comparison).joined(separator: "\n"))
        + "</pre>\n")
    return page.rendered()
  }

  static func table(_ comparison: Comparison) -> String {
    let table = ComparisonTable(comparison)
    var out = "<div class=\"diagram\"><table class=\"compare\">\n<tr><th></th>"
    out += table.options.map { "<th>\(HTMLEscaping.text($0.title))</th>" }.joined() + "</tr>\n"
    for section in table.sections {
      out +=
        "<tr class=\"section\"><th colspan=\"\(table.options.count + 1)\">\(HTMLEscaping.text(section.title))</th></tr>\n"
      for row in section.rows {
        out += "<tr><td>\(HTMLEscaping.text(row.label))</td>"
        for (cell, tone) in zip(row.cells, row.tones) {
          out += "<td\(tone.isEmpty ? "" : " class=\"\(tone)\"")>\(HTMLEscaping.text(cell))</td>"
        }
        out += "</tr>\n"
      }
    }
    out += "</table></div>\n"
    let needed = comparison.app.neededFeatures
    if !needed.isEmpty {
      out += "<h3>Why</h3>\n<ul class=\"notes\">\n"
      for feature in needed {
        for option in table.options {
          let entry = FeatureSupport.entry(feature, option)
          out +=
            "<li><b>\(HTMLEscaping.text(feature.title))</b> · \(HTMLEscaping.text(option.title)): "
          out +=
            "\(entry.level.rawValue) — \(HTMLEscaping.text(entry.note)) <code>\(HTMLEscaping.text(entry.source))</code></li>\n"
        }
      }
      out += "</ul>\n<h3>Sources</h3>\n<ul class=\"notes\">\n"
      let cited = needed.flatMap { feature in
        table.options.map { FeatureSupport.entry(feature, $0).source }
      }
      out += AWSSources.lines(for: cited).map { "<li><code>\(HTMLEscaping.text($0))</code></li>\n" }
        .joined()
      out += "</ul>\n"
    }
    return out
  }

  static func option(_ run: Comparison.Run, prefix: String) -> String {
    var out =
      "<p>Generated scenario <code>\(HTMLEscaping.text(run.fileName))</code> (write it with <code>--emit DIR</code>)."
    out += "</p>\n"
    if !run.wired.limitations.isEmpty {
      out +=
        "<ul class=\"notes\">\n"
        + run.wired.limitations.map { "<li>\(HTMLEscaping.text($0))</li>\n" }.joined() + "</ul>\n"
    }
    guard let result = run.result else {
      out += "<p class=\"warn\">The generated scenario is invalid (a MeshSim bug):</p>\n<ul>\n"
      out += run.problems.map {
        "<li><code>\(HTMLEscaping.text($0.id.description))</code> \(HTMLEscaping.text($0.message))</li>\n"
      }
      .joined()
      return out + "</ul>\n"
    }
    out += "<h3>Topology and sample requests</h3>\n"
    out += HTMLReport.topology(result, graph: TopologyGraph(result), prefix: prefix)
    out += "<h3>Traffic</h3>\n" + HTMLReport.traffic(result, prefix: prefix)
    out += "<h3>Timeline</h3>\n" + HTMLReport.timeline(result.timeline)
    return out
  }
}
