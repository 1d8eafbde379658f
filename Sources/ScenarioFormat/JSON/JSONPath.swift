/// The position of a value inside a JSON document, as a list of keys and array indices.
///
/// Its description is an RFC 6901 JSON pointer (`/ecs/services/0/name`, with `~` written `~0`
/// and `/` written `~1`; the whole document is `/`), which diagnostics print under the source
/// excerpt so a problem can be found even in generated or minified files.
public struct JSONPath: Hashable, Sendable {
  /// One step from a container to one of its values.
  public enum Component: Hashable, Sendable {
    /// The member of an object with this key.
    case key(String)
    /// The element of an array at this zero-based index.
    case index(Int)
  }

  /// The steps from the document's root value, outermost first.
  public var components: [Component]

  /// Creates a path from its steps, outermost first.
  public init(_ components: [Component] = []) {
    self.components = components
  }

  /// The path of the document's root value.
  public static let root = JSONPath()

  /// The path of the member with `key` of the object at this path.
  public func appending(key: String) -> JSONPath {
    JSONPath(components + [.key(key)])
  }

  /// The path of the element at `index` of the array at this path.
  public func appending(index: Int) -> JSONPath {
    JSONPath(components + [.index(index)])
  }

  /// The path of the container holding this value, or `nil` for the root.
  public var parent: JSONPath? {
    components.isEmpty ? nil : JSONPath(Array(components.dropLast()))
  }
}

extension JSONPath: CustomStringConvertible {
  /// The JSON pointer form: `/a/0/b`, `~0` for `~`, `~1` for `/`, and `/` for the root.
  public var description: String {
    guard !components.isEmpty else { return "/" }
    var text = ""
    for component in components {
      text += "/"
      switch component {
      case .key(let key):
        for character in key.unicodeScalars {
          switch character {
          case "~": text += "~0"
          case "/": text += "~1"
          default: text.unicodeScalars.append(character)
          }
        }
      case .index(let index):
        text += String(index)
      }
    }
    return text
  }
}
