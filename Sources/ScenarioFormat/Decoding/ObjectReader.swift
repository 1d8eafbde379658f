import Diagnostics

/// Reads the members of one JSON object, remembering which keys the decoder asked for so that
/// every other key can be reported as unknown.
///
/// The scenario format mirrors AWS request shapes, and scenarios are written by hand, so an
/// unexpected key is almost always a typo that would otherwise be silently ignored (unlike
/// Batfish's `ignoreUnknown` for AWS API dumps). A decoder asks for each key it understands,
/// `accept`s the describe-only fields AWS returns but routing ignores (`arn`, `metadata`,
/// `status`, `createdAt`, `version`, …), then calls `finish()`, which reports
/// `schema.unknown-key` with a did-you-mean note or the list of allowed keys.
///
/// Every read reports problems at the offending value with its JSON pointer and returns `nil`,
/// so decoding continues. An optional key whose value is `null` reads as absent.
public final class ObjectReader {
  /// The object being read.
  public let node: JSONNode
  /// Where problems are reported.
  public let context: DecodingContext
  /// The object's members.
  public let object: JSONObject
  /// How messages name the object, for example "virtual node".
  public let what: String
  private var queriedKeys: Set<String> = []
  private var acceptedKeys: Set<String> = []
  private var isFinished = false

  /// Creates a reader for `node`, or reports `schema.type-mismatch` ("expected object for
  /// virtual node, found array") and returns `nil` when it is not an object.
  public init?(_ node: JSONNode, context: DecodingContext, what: String) {
    guard case .object(let object) = node.value else {
      context.reportTypeMismatch(expected: "object", for: what, found: node)
      return nil
    }
    self.node = node
    self.context = context
    self.object = object
    self.what = what
  }

  /// Whether the object has `key`; the key counts as understood from now on.
  public func has(_ key: String) -> Bool {
    queriedKeys.insert(key)
    return object[key] != nil
  }

  /// The value of `key`, whatever its type; reports `schema.missing-key` when it is required
  /// and absent.
  public func node(_ key: String, required: Bool = false) -> JSONNode? {
    queriedKeys.insert(key)
    guard let value = object[key] else {
      if required {
        context.error(.schemaMissingKey, "missing required key '\(key)' in \(what)", at: node)
      }
      return nil
    }
    return value
  }

  /// Marks describe-only keys as understood and ignored.
  public func accept(_ keys: [String]) {
    acceptedKeys.formUnion(keys)
  }

  /// Reports every key that was neither read nor accepted as `schema.unknown-key`.
  ///
  /// Each report points at the key, notes the closest understood key ("did you mean
  /// 'virtualNodeName'?") when one is close, and otherwise lists the allowed keys in a hint.
  /// Calling `finish()` again reports nothing new.
  public func finish() {
    guard !isFinished else { return }
    isFinished = true
    let allowed = queriedKeys.union(acceptedKeys).sorted()
    for member in object.members
    where !queriedKeys.contains(member.key) && !acceptedKeys.contains(member.key) {
      var notes: [Diagnostic.Note] = []
      var hint: String?
      if let suggestion = Suggestions.closest(to: member.key, in: allowed) {
        notes.append(Diagnostic.Note(message: "did you mean '\(suggestion)'?"))
      } else if allowed.isEmpty {
        hint = "\(what) takes no keys"
      } else {
        hint = "allowed keys: \(allowed.joined(separator: ", "))"
      }
      context.diagnostics.error(
        .schemaUnknownKey, "unknown key '\(member.key)' in \(what)", at: member.keyLocation,
        path: member.value.path.description, notes: notes, hint: hint)
    }
  }

  /// The value of `key` for a typed read: `nil` when absent (reported if required) or when an
  /// optional key is `null`.
  func presentValue(_ key: String, required: Bool) -> JSONNode? {
    guard let value = node(key, required: required) else { return nil }
    if value.isNull && !required { return nil }
    return value
  }
}
