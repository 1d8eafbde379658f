/// The side-by-side report `meshsim compare` prints: the application in one paragraph, the
/// comparison table, what each option could not express, and the assumptions behind the costs.
public enum ComparisonTextReport {
  public static func render(_ comparison: Comparison) -> String {
    let app = comparison.app
    var out =
      "compare \(app.name) · seed \(comparison.seed) · \(comparison.runs.count) wirings under the same traffic and events\n"
    out += ComparisonSummary.lines(app).map { "  " + $0 + "\n" }.joined()
    let table = ComparisonTable(comparison)
    let labelWidth = max(34, table.sections.flatMap(\.rows).map { $0.label.count + 4 }.max() ?? 0)
    let widths = table.options.indices.map { column in
      max(
        table.options[column].title.count,
        table.sections.flatMap(\.rows).map { $0.cells[column].count }.max() ?? 0) + 2
    }
    out +=
      "\n" + pad("", labelWidth)
      + table.options.enumerated().map { pad($0.element.title, widths[$0.offset]) }.joined()
      .trimmingTrailing() + "\n"
    for section in table.sections {
      out += section.title + "\n"
      for row in section.rows {
        out +=
          pad("  " + row.label, labelWidth)
          + row.cells.enumerated().map { pad($0.element, widths[$0.offset]) }.joined()
          .trimmingTrailing() + "\n"
      }
    }
    let needed = app.neededFeatures
    if !needed.isEmpty {
      out += "\nwhy\n"
      for feature in needed {
        for option in table.options {
          let entry = FeatureSupport.entry(feature, option)
          out +=
            "  \(feature.rawValue) · \(option.title): \(entry.level.rawValue) — \(entry.note) [\(entry.source)]\n"
        }
      }
    }
    let limited = comparison.runs.filter { !$0.wired.limitations.isEmpty }
    if !limited.isEmpty {
      out += "\nwhat the generated scenarios could not express\n"
      for run in limited {
        for limitation in run.wired.limitations {
          out += "  \(run.wired.option.title): \(limitation)\n"
        }
      }
    }
    for run in comparison.runs where !run.problems.isEmpty {
      out +=
        "\nerror: the generated \(run.wired.option.title) scenario is invalid (a MeshSim bug):\n"
      for problem in run.problems.prefix(5) { out += "  \(problem.id): \(problem.message)\n" }
    }
    if !needed.isEmpty {
      let cited = needed.flatMap { feature in
        table.options.map { FeatureSupport.entry(feature, $0).source }
      }
      out += "\nsources\n" + AWSSources.lines(for: cited).map { "  \($0)\n" }.joined()
    }
    out += "\n" + ComparisonSummary.costNotes(comparison).map { $0 + "\n" }.joined()
    return out
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
  }
}

extension String {
  func trimmingTrailing() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
