import NetworkModel
import SimEngine

/// The legend of one traffic stream's charts: each distinct (service, task, status, disposition)
/// becomes a category with a stable colour — cool colours for requests answered as configured,
/// warm ones for failures — in the order of the stream's outcome rows (most frequent first). Rows
/// past the colour limit share an "other" category.
public struct OutcomeCategories: Sendable {
  public struct Category: Sendable, Equatable {
    public var label: String
    public var color: String
    public var isSuccess: Bool
    public var count: Int
  }
  public var categories: [Category]
  private var index: [String: Int]

  static let successColors = [
    "#2f9e44", "#1c7ed6", "#0c8599", "#7048e8", "#74b816", "#1864ab", "#087f5b", "#9c36b5",
  ]
  static let failureColors = [
    "#e03131", "#f08c00", "#c2255c", "#e8590c", "#a61e4d", "#d9480f", "#c92a2a", "#e64980",
  ]
  static let otherColor = "#868e96"
  static let limit = 10

  public init(_ rows: [RunResult.OutcomeRow]) {
    categories = []
    index = [:]
    var successes = 0
    var failures = 0
    var other: Int?
    for row in rows {
      let key = Self.key(row)
      if let existing = index[key] {
        categories[existing].count += row.count
        continue
      }
      let isSuccess = Disposition(rawValue: row.disposition)?.isSuccess ?? false
      if categories.count >= Self.limit - 1 && rows.count > Self.limit {
        if let other {
          categories[other].count += row.count
        } else {
          other = categories.count
          categories.append(
            Category(
              label: "other outcomes", color: Self.otherColor, isSuccess: false, count: row.count))
        }
        index[key] = other
        continue
      }
      let color: String
      if isSuccess {
        color = Self.successColors[successes % Self.successColors.count]
        successes += 1
      } else {
        color = Self.failureColors[failures % Self.failureColors.count]
        failures += 1
      }
      index[key] = categories.count
      categories.append(
        Category(label: Self.label(row), color: color, isSuccess: isSuccess, count: row.count))
    }
  }

  /// The category of an outcome row (rows of the per-second series included).
  public func category(of row: RunResult.OutcomeRow) -> Int? {
    index[Self.key(row)]
  }

  static func key(_ row: RunResult.OutcomeRow) -> String {
    "\(row.service ?? "")\u{1}\(row.task ?? "")\u{1}\(row.status ?? 0)\u{1}\(row.disposition)"
  }

  /// `backend/1 · 200 · delivered`, `503 · noHealthyTarget`.
  static func label(_ row: RunResult.OutcomeRow) -> String {
    var parts: [String] = []
    if let place = row.task ?? row.service { parts.append(place) }
    if let status = row.status { parts.append(String(status)) }
    parts.append(row.disposition)
    return parts.joined(separator: " · ")
  }
}
