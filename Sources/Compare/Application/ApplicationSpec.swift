import ScenarioFormat
import SimKernel

/// An application described once, without saying how its services find each other: the input
/// of `meshsim compare`. ``ApplicationWiring`` turns it into four real scenarios (Cloud Map DNS
/// with an ALB, App Mesh, Service Connect, VPC Lattice).
///
/// Service behaviours use the scenario file's `behavior` object; calls name other services of
/// the application as URL hosts (`http://orders/list`), and each wiring rewrites them to its own
/// names.
public struct ApplicationSpec: Sendable {
  /// One service of the application, with one or more versions (each becomes an ECS service).
  public struct Service: Sendable {
    public var name: String
    public var port: Int
    public var cpu: Int
    public var memory: Int
    public var versions: [Version]
    /// Requests carrying a header go to a version (header routing).
    public var headerRoutes: [HeaderRoute]
    /// Health-check path the load balancers and Lattice use (default `/`).
    public var healthPath: String
    public var source: SourceRef
  }
  /// One version of a service: its own tasks, behaviour and share of the traffic.
  public struct Version: Sendable {
    public var name: String
    public var tasks: Int
    /// Relative weight of this version (integers, like App Mesh and Lattice weights).
    public var weight: Int
    /// The `behavior` object as written, with calls naming application services.
    public var behavior: JSONNode?
    public var source: SourceRef
  }
  public struct HeaderRoute: Sendable {
    public var header: String
    public var value: String
    public var version: String
    public var source: SourceRef
  }
  /// A stream of outside requests entering at the application's entry service.
  public struct Traffic: Sendable {
    public var name: String
    public var method: String
    public var path: String
    public var headers: [(String, String)]
    public var count: Int
    public var rate: String
    /// The rate as requests per second (for cost estimates).
    public var requestsPerSecond: Double
    public var start: String?
    public var source: SourceRef
  }
  /// A timed change, applied the same way in every wiring that can express it.
  public struct Event: Sendable {
    public enum Action: Sendable {
      /// The service's version scales to this many tasks.
      case scaleOut(service: String, version: String, tasks: Int)
      /// A task stops abruptly (ECS `StopTask`): ordinal counts from 1.
      case stopTask(service: String, version: String, ordinal: Int)
      /// Versions' weights change (a canary step); versions not named keep theirs.
      case setWeights(service: String, weights: [(version: String, weight: Int)])
    }
    public var at: SimDuration
    /// The time as written (`"30s"`), for generated scenarios.
    public var atText: String
    public var action: Action
    public var source: SourceRef
  }

  public var name: String
  public var description: String?
  public var seed: UInt64
  public var region: String
  public var services: [Service]
  /// The service outside traffic enters through (behind the wiring's load balancer).
  public var entry: String
  public var traffic: [Traffic]
  public var events: [Event]
  /// Features the team asked for, beyond what the services imply.
  public var requirements: [Feature]
  /// Price overrides (`"prices": {"fargateVCPUHour": 0.04}`), by ``PriceTable`` key.
  public var prices: [(key: String, value: Double, source: SourceRef)]
  /// Simulation settings passed to every generated scenario (`taskStartDelay`, …).
  public var simulation: JSONNode?
  /// Request and response bytes together, for data-processing charges (default 2 KB).
  public var bytesPerRequest: Int
  /// Expectations copied into the generated scenarios (scenario `expect` entries; an optional
  /// `"options"` list limits one to some wirings).
  public var expectations: [(entry: JSONNode, options: [WiringOption]?)] = []

  /// The service named `name`.
  public func service(_ name: String) -> Service? {
    services.first { $0.name == name }
  }

  /// Features this application needs: the requested ones plus those its services imply
  /// (several weighted versions need weighted routing; header routes need header routing).
  public var neededFeatures: [Feature] {
    var needed = requirements
    if services.contains(where: { $0.versions.count > 1 })
      || events.contains(where: {
        if case .setWeights = $0.action { return true } else { return false }
      })
    {
      needed.append(.weightedRouting)
    }
    if services.contains(where: { !$0.headerRoutes.isEmpty }) { needed.append(.headerRouting) }
    return Feature.allCases.filter { needed.contains($0) }
  }
}
