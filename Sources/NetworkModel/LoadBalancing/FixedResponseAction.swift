/// A `fixed-response` action: the load balancer answers itself.
public struct FixedResponseAction: Sendable, Hashable {
  public var statusCode: Int
  public var contentType: String?
  public var messageBody: String
  public init(statusCode: Int, contentType: String?, messageBody: String) {
    self.statusCode = statusCode
    self.contentType = contentType
    self.messageBody = messageBody
  }
}
