import Diagnostics
import ScenarioFormat

/// `meshsim check`'s analyses: warnings about configurations that are valid for AWS but
/// probably not what the author meant. Each service section adds its own pass.
public enum ScenarioAnalysis {
  public static func run(_ model: NetworkModel) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    findings += coreFindings(model)
    findings += AppMeshAnalysis.run(model)
    findings += LoadBalancingAnalysis.run(model)
    findings += ServiceConnectAnalysis.run(model)
    findings += LatticeAnalysis.run(model)
    return findings
  }

  /// Findings about ECS, Cloud Map and traffic.
  static func coreFindings(_ model: NetworkModel) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for (index, service) in model.discoveryServices.enumerated()
    where !service.createdByServiceConnect
      && !model.services.contains(where: { $0.registries.contains { $0.service == index } })
      && !model.document.cloudMap.instances.contains(where: {
        $0.service == service.name || $0.service == service.id
      })
    {
      findings.append(
        Diagnostic.warning(
          "analysis.unused-discovery-service",
          "Cloud Map service '\(service.fullName)' has no ECS service or instance registering in it; it will answer NXDOMAIN",
          at: service.source))
    }
    for stream in model.traffic {
      if case .service(let service) = stream.origin, model.services[service].desiredCount == 0 {
        findings.append(
          Diagnostic.warning(
            "analysis.traffic-from-empty-service",
            "traffic '\(stream.name)' starts from service '\(model.services[service].name)', which runs no task at the start",
            at: stream.source))
      }
    }
    return findings
  }
}
