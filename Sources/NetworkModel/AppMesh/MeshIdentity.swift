/// Which App Mesh resource an Envoy container runs as: set by `APPMESH_RESOURCE_ARN` (a full ARN
/// or `mesh/<mesh>/virtualNode/<node>` / `mesh/<mesh>/virtualGateway/<gateway>`) or the deprecated
/// `APPMESH_VIRTUAL_NODE_NAME` (AWS behaviour §1.2).
public enum MeshIdentity: Sendable, Equatable {
  /// A sidecar for this virtual node (index in the configuration).
  case virtualNode(Int)
  /// A standalone Envoy for this virtual gateway.
  case virtualGateway(Int)
}
