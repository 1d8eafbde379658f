import SimEngine

/// An estimated monthly bill (730 hours) for one wiring at the application's traffic rates,
/// line by line, from a ``PriceTable``. Compute and ALB lines are the same for every wiring;
/// the differences are sidecar resources, Cloud Map registrations and Lattice charges.
///
/// Assumptions, stated in reports: the tasks run at their initial counts all month; traffic
/// runs all month at the sum of the streams' rates; Lattice requests per service scale with
/// the requests its tasks received per outside request in the run; every ALB request opens a
/// new connection (LCUs from new connections or processed bytes, whichever is larger).
public struct CostEstimate: Sendable {
  public struct Line: Sendable {
    public var item: String
    public var monthly: Double
  }
  public static let hoursPerMonth = 730.0

  public var lines: [Line]
  public var total: Double { lines.map(\.monthly).reduce(0, +) }

  public init(app: ApplicationSpec, wired: WiredScenario, result: RunResult?, prices: PriceTable) {
    let hours = Self.hoursPerMonth
    let names = ApplicationNames(app: app)
    var lines: [Line] = []
    let versions = app.services.flatMap { service in service.versions.map { (service, $0) } }
    let tasks = versions.map(\.1.tasks).reduce(0, +)
    let vcpu = versions.map { Double($0.0.cpu) / 1024 * Double($0.1.tasks) }.reduce(0, +)
    let memory = versions.map { Double($0.0.memory) / 1024 * Double($0.1.tasks) }.reduce(0, +)
    lines.append(
      Line(
        item: "Fargate (\(tasks) application tasks)",
        monthly: (vcpu * prices["fargateVCPUHour"] + memory * prices["fargateGBHour"]) * hours))
    let rate = app.traffic.map(\.requestsPerSecond).reduce(0, +)
    let gigabytesPerHour = rate * Double(app.bytesPerRequest) * 3600 / 1e9
    let lcu = max(rate / 25, gigabytesPerHour)
    lines.append(
      Line(
        item: "ALB (\(Self.format(lcu)) LCU)",
        monthly: (prices["albHour"] + lcu * prices["albLCUHour"]) * hours))
    switch wired.option {
    case .cloudMap, .appMesh:
      lines.append(
        Line(
          item: "Cloud Map (\(tasks) instances, DNS zone)",
          monthly: Double(tasks) * prices["cloudMapResourceMonth"] + prices["hostedZoneMonth"]))
    case .serviceConnect:
      lines.append(
        Line(
          item: "Cloud Map (\(tasks) instances)",
          monthly: Double(tasks) * prices["cloudMapResourceMonth"]))
    case .lattice:
      break
    }
    switch wired.option {
    case .appMesh:
      let envoys = Double(tasks + wired.proxyTasks)
      lines.append(
        Line(
          item: "Envoy (\(tasks) sidecars, \(wired.proxyTasks) gateways)",
          monthly: envoys
            * (prices["envoyVCPU"] * prices["fargateVCPUHour"]
              + prices["envoyGB"] * prices["fargateGBHour"]) * hours + prices["appMeshMonth"]))
    case .serviceConnect:
      lines.append(
        Line(
          item: "Service Connect proxies (\(tasks))",
          monthly: Double(tasks)
            * (prices["serviceConnectVCPU"] * prices["fargateVCPUHour"]
              + prices["serviceConnectGB"] * prices["fargateGBHour"]) * hours
            + prices["serviceConnectMonth"]))
    case .lattice:
      let services = app.services.filter { !names.callers(of: $0).isEmpty }
      lines.append(
        Line(
          item: "Lattice (\(services.count) service\(services.count == 1 ? "" : "s"))",
          monthly: Double(services.count) * prices["latticeServiceHour"] * hours))
      var requestCharge = 0.0
      var bytesCharge = 0.0
      let sent = result?.streams.map(\.sent).reduce(0, +) ?? 0
      for service in services {
        let ecsNames = Set(service.versions.map { names.ecsService(service, $0) })
        let reached =
          result?.tasks.filter { ecsNames.contains($0.service) }.map(\.requests).reduce(0, +) ?? 0
        let perSecond = sent > 0 ? rate * Double(reached) / Double(sent) : 0
        let perHour = perSecond * 3600
        requestCharge += max(0, perHour - 300_000) * hours / 1e6 * prices["latticeMillionRequests"]
        bytesCharge += perHour * Double(app.bytesPerRequest) / 1e9 * hours * prices["latticeGB"]
      }
      lines.append(Line(item: "Lattice requests over the free tier", monthly: requestCharge))
      lines.append(Line(item: "Lattice data processed", monthly: bytesCharge))
    case .cloudMap:
      break
    }
    self.lines = lines
  }

  /// Dollars with cents (`1234.50`).
  public static func dollars(_ value: Double) -> String {
    let cents = Int((value * 100).rounded())
    let sign = cents < 0 ? "-" : ""
    let magnitude = abs(cents)
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }

  /// A small number with two decimals.
  static func format(_ value: Double) -> String { dollars(value) }
}
