import NetworkModel

/// An endpoint outside ECS (an RDS host, a public API, an AWS API endpoint) answering with its
/// behaviour on its ports.
public final class ExternalEndpointActor: ApplicationActor {
  public init(endpoint: Int, model: NetworkModel) {
    let spec = model.externals[endpoint]
    super.init(name: "external \(spec.name)", behavior: spec.behavior, serviceCode: Response.externalService(endpoint))
  }

  public override var nodeKind: TopologyNode.Kind { .external }

  init(name: String, behavior: ApplicationBehavior) {
    super.init(name: name, behavior: behavior, serviceCode: -1)
  }

  /// The public AWS API endpoints (`*.amazonaws.com`), which App Mesh's DROP_ALL still allows.
  static func awsAPI(model: NetworkModel) -> ExternalEndpointActor {
    ExternalEndpointActor(name: "AWS API endpoint", behavior: .default)
  }
}
