/// One `RuleCondition`: a field and its values, from the legacy `Values` list or the field's
/// `…Config` object.
public struct RuleConditionSpec: Sendable {
  /// `Field`.
  public enum Field: String, CaseIterable, Sendable {
    case hostHeader = "host-header"
    case pathPattern = "path-pattern"
    case httpHeader = "http-header"
    case httpRequestMethod = "http-request-method"
    case queryString = "query-string"
    case sourceIP = "source-ip"
  }
  /// One `QueryStringConfig.Values` entry: a key/value pair, or a value with any key.
  public struct QueryValue: Sendable, Hashable {
    public var key: String?
    public var value: String
    public init(key: String?, value: String) {
      self.key = key
      self.value = value
    }
  }
  public var field: Field
  /// Values for every field but `query-string`.
  public var values: [String]
  /// `RegexValues` of the newer API (host-header, path-pattern, http-header).
  public var regexValues: [String]
  /// `HttpHeaderConfig.HttpHeaderName`.
  public var headerName: String?
  public var queryValues: [QueryValue]
  public var source: SourceRef

  public init(
    field: Field, values: [String] = [], regexValues: [String] = [], headerName: String? = nil,
    queryValues: [QueryValue] = [], source: SourceRef
  ) {
    self.field = field
    self.values = values
    self.regexValues = regexValues
    self.headerName = headerName
    self.queryValues = queryValues
    self.source = source
  }
}
