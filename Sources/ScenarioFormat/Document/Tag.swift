/// An EC2-style tag (`{"Key": "Name", "Value": "web"}`), used to give resources their names.
public struct Tag: Hashable, Sendable {
  public var key: String
  public var value: String

  public init(key: String, value: String) {
    self.key = key
    self.value = value
  }
}

extension Array where Element == Tag {
  /// The value of the `Name` tag, the name the EC2 console shows.
  public var nameTag: String? { first { $0.key == "Name" }?.value }
}
