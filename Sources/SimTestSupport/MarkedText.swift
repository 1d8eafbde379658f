import Diagnostics

/// Source text with emoji markers (`1️⃣`, `2️⃣`, …) where diagnostics must point.
///
/// The markers are stripped; each one's position in the stripped text is recorded as a 1-based
/// line and a column counted in Unicode scalars, as `JSONReader` counts them (swift-format's
/// `MarkedText`). Shared by the test targets through `SimTestSupport`.
public struct MarkedText: Sendable {
  /// The text without markers.
  public let text: String
  /// Marker ("1️⃣") → its line and column in `text`.
  public let markers: [String: (line: Int, column: Int)]

  public init(_ marked: String) {
    let scalars = Array(marked.unicodeScalars)
    var text = String.UnicodeScalarView()
    var markers: [String: (line: Int, column: Int)] = [:]
    var line = 1
    var column = 1
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if ("0"..."9").contains(scalar), index + 2 < scalars.count,
        scalars[index + 1] == "\u{FE0F}", scalars[index + 2] == "\u{20E3}"
      {
        markers[String(String.UnicodeScalarView(scalars[index...(index + 2)]))] = (line, column)
        index += 3
        continue
      }
      text.append(scalar)
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index += 1
    }
    self.text = String(text)
    self.markers = markers
  }

  /// The location of `marker` in a file named `file`.
  public func location(_ marker: String, file: String = "test.json") -> SourceLocation? {
    markers[marker].map { SourceLocation(file: file, line: $0.line, column: $0.column) }
  }
}
