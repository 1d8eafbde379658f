import Diagnostics
import ScenarioFormat

/// Names of one kind of resource, so references can use a name, an id or an ARN.
///
/// An ARN also resolves by its last path component (`…:service/srv-abc` → `srv-abc`), and a
/// miss suggests the closest declared name.
public struct SymbolTable: Sendable {
  public let kind: String
  private var entries: [String: Int] = [:]
  private var declared: [(name: String, source: SourceRef)] = []

  public init(kind: String) { self.kind = kind }

  /// Declares a resource under every key it may be referred to by. Returns false when the
  /// primary name is already taken (the caller reports `model.duplicate-name`).
  @discardableResult
  public mutating func declare(
    _ primary: String, aliases: [String?] = [], index: Int, source: SourceRef
  ) -> Bool {
    if entries[primary] != nil { return false }
    entries[primary] = index
    for alias in aliases.compactMap({ $0 }) where !alias.isEmpty && entries[alias] == nil {
      entries[alias] = index
    }
    while declared.count <= index { declared.append((primary, source)) }
    declared[index] = (primary, source)
    return true
  }

  public func lookup(_ reference: String) -> Int? {
    if let index = entries[reference] { return index }
    if reference.hasPrefix("arn:"), let last = reference.split(separator: "/").last,
      let index = entries[String(last)]
    {
      return index
    }
    return nil
  }

  public func source(of name: String) -> SourceRef? { declared.first { $0.name == name }?.source }
  public var names: [String] { declared.map(\.name) }

  /// Resolves a reference or reports `model.unresolved-reference` with a did-you-mean note.
  ///
  /// - Parameters:
  ///   - context: what the reference is part of, named in the message (`unknown … in <context>`).
  ///   - scope: where the table's names live when that is not the whole scenario (`mesh 'shop'`),
  ///     for the hint when it declares none.
  public func resolve(
    _ reference: String, at source: SourceRef, diagnostics: DiagnosticEngine,
    context: String? = nil, scope: String? = nil
  ) -> Int? {
    if let index = lookup(reference) { return index }
    let problem = unresolved(reference, context: context, scope: scope)
    diagnostics.error(
      "model.unresolved-reference", problem.message, at: source.location, path: source.path,
      notes: problem.notes, hint: problem.hint)
    return nil
  }

  /// What ``resolve(_:at:diagnostics:context:scope:)`` reports for a reference that names
  /// nothing: the message, a did-you-mean note pointing at the closest declaration, and a hint
  /// listing the declared names when nothing is close.
  public func unresolved(_ reference: String, context: String? = nil, scope: String? = nil)
    -> (message: String, notes: [Diagnostic.Note], hint: String?)
  {
    var notes: [Diagnostic.Note] = []
    let key =
      reference.hasPrefix("arn:") ? String(reference.split(separator: "/").last ?? "") : reference
    let keys = entries.keys.filter { !$0.hasPrefix("arn:") }.sorted()
    if let candidate = Suggestions.closest(to: key, in: keys) {
      let primary = entries[candidate].map { declared[$0].name }
      notes.append(
        .init(
          message: "did you mean '\(candidate)'?",
          location: primary.flatMap { self.source(of: $0) }?.location))
    }
    let none =
      scope.map { "\($0) declares no \(kind)" } ?? "no \(kind) is declared in this scenario"
    let hint =
      names.isEmpty
      ? none
      : (notes.isEmpty
        ? "declared \(kind)s: \(names.sorted().prefix(12).joined(separator: ", "))" : nil)
    let message = "unknown \(kind) '\(reference)'" + (context.map { " in \($0)" } ?? "")
    return (message, notes, hint)
  }
}
