/// The disposition codes as strings, for validating expectations.
public enum DispositionCatalog {
  public static let codes = Disposition.allCases.map(\.rawValue)
}
