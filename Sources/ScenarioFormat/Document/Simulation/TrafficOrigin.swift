/// Where a traffic stream starts.
public enum TrafficOrigin: Sendable {
  case client(String)
  case service(String)
  case task(String)
}
