import Diagnostics

/// Decodes the `appMesh` section.
enum AppMeshSectionDecoder {
  static let eventOperations: [String] = []

  static func decode(_ reader: ObjectReader) -> AppMeshSection {
    for member in reader.node.objectMembers {
      _ = reader.node(member.key)
      reader.context.diagnostics.error(
        "schema.unsupported", "'appMesh.\(member.key)' is not supported yet", at: member.keyLocation,
        path: member.value.path.description)
    }
    return AppMeshSection()
  }

  static func event(_ operation: String, _ body: ObjectReader) -> AppMeshCallSpec? { nil }
}
