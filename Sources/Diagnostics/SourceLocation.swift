/// A position in a scenario file: file name, 1-based line and 1-based column.
///
/// Columns count Unicode scalars, not bytes, so a location points at the same character an
/// editor shows. Locations order by file, then line, then column, which is the order
/// diagnostics are reported in.
public struct SourceLocation: Sendable {
  /// The file the position is in, as the user named it (never made absolute).
  public var file: String
  /// The 1-based line number.
  public var line: Int
  /// The 1-based column, counted in Unicode scalars from the start of the line.
  public var column: Int

  /// Creates a location from a file name and 1-based line and column numbers.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }
}

extension SourceLocation: Hashable {}

extension SourceLocation: Comparable {
  /// Orders locations by file, then line, then column.
  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    if lhs.file != rhs.file { return lhs.file < rhs.file }
    if lhs.line != rhs.line { return lhs.line < rhs.line }
    return lhs.column < rhs.column
  }
}

extension SourceLocation: CustomStringConvertible {
  /// The compiler-style `file:line:column` form editors can jump to.
  public var description: String { "\(file):\(line):\(column)" }
}
