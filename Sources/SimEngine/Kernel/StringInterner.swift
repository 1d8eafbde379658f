/// Stores each distinct response body once and refers to it by number.
public struct StringInterner: Sendable {
  private var indices: [String: Int32] = [:]
  public private(set) var strings: [String] = []

  public init() {}

  public mutating func intern(_ text: String) -> Int32 {
    if let index = indices[text] { return index }
    strings.append(text)
    indices[text] = Int32(strings.count - 1)
    return Int32(strings.count - 1)
  }

  public func string(_ index: Int32) -> String? { index >= 0 ? strings[Int(index)] : nil }
}
