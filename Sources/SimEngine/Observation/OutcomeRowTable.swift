import NetworkModel

/// Turns one stream's outcome counts given by outcome number (``StreamStatistics/outcomeKeys``)
/// into report rows, exactly as ``ResultCollector/rows(_:world:)`` does for counts keyed by
/// outcome: outcomes that differ only in their body share a row. The names of each outcome
/// (service, task, disposition, body) are looked up once here, not once per second of the
/// stream's timeline.
struct OutcomeRowTable {
  /// Each outcome's row (by outcome number), numbered as first seen.
  private let rowOfOutcome: [Int]
  /// Each row's names, with a zero count and no body.
  private let templates: [RunResult.OutcomeRow]
  /// Each outcome's body, interned and as text.
  private let bodies: [Int32]
  private let bodyTexts: [String?]

  init(keys: [StreamStatistics.OutcomeKey], world: World) {
    struct RowKey: Hashable { var service: Int32; var task: Int32; var status: Int; var disposition: Disposition }
    var rowNumbers: [RowKey: Int] = [:]
    var rowOfOutcome: [Int] = []
    var templates: [RunResult.OutcomeRow] = []
    for key in keys {
      let rowKey = RowKey(service: key.service, task: key.task, status: key.status, disposition: key.disposition)
      if let row = rowNumbers[rowKey] {
        rowOfOutcome.append(row)
        continue
      }
      rowNumbers[rowKey] = templates.count
      rowOfOutcome.append(templates.count)
      templates.append(RunResult.OutcomeRow(
        service: world.serviceName(key.service), task: world.taskName(key.task), status: key.status == 0 ? nil : key.status,
        disposition: key.disposition.rawValue, count: 0, body: nil))
    }
    self.rowOfOutcome = rowOfOutcome
    self.templates = templates
    bodies = keys.map(\.body)
    bodyTexts = keys.map { world.bodies.string($0.body) }
  }

  /// The rows of `counts` (outcome number and count, each number at most once), sorted as
  /// ``ResultCollector/rows(_:world:)`` sorts them.
  func rows(_ counts: [(number: Int, count: Int)]) -> [RunResult.OutcomeRow] {
    var total = Array(repeating: 0, count: templates.count)
    /// The first outcome counted in each row (-1: none yet), and whether its bodies differ.
    var first = Array(repeating: -1, count: templates.count)
    var mixed = Array(repeating: false, count: templates.count)
    var used: [Int] = []
    for (number, count) in counts {
      let row = rowOfOutcome[number]
      if first[row] < 0 {
        first[row] = number
        used.append(row)
      } else if bodies[first[row]] != bodies[number] {
        mixed[row] = true
      }
      total[row] += count
    }
    let rows = used.map { row in
      var result = templates[row]
      result.count = total[row]
      result.body = mixed[row] ? nil : bodyTexts[first[row]]
      return result
    }
    return rows.sorted(by: ResultCollector.precedes)
  }
}
