import Diagnostics

/// Decodes the `lattice` section.
enum LatticeSectionDecoder {
  static let eventOperations: [String] = []

  static func decode(_ reader: ObjectReader) -> LatticeSection {
    for member in reader.node.objectMembers {
      _ = reader.node(member.key)
      reader.context.diagnostics.error(
        "schema.unsupported", "'lattice.\(member.key)' is not supported yet", at: member.keyLocation,
        path: member.value.path.description)
    }
    return LatticeSection()
  }

  static func event(_ operation: String, _ body: ObjectReader) -> LatticeCallSpec? { nil }
}
