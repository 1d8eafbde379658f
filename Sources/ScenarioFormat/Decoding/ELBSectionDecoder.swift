import Diagnostics

/// Decodes the `elb` section.
enum ELBSectionDecoder {
  static let eventOperations: [String] = []

  static func decode(_ reader: ObjectReader) -> ELBSection {
    for member in reader.node.objectMembers {
      _ = reader.node(member.key)
      reader.context.diagnostics.error(
        "schema.unsupported", "'elb.\(member.key)' is not supported yet", at: member.keyLocation,
        path: member.value.path.description)
    }
    return ELBSection()
  }

  static func event(_ operation: String, _ body: ObjectReader) -> ELBCallSpec? { nil }
}
