/// The decoded body of a service-section API call event.
public enum ServiceCallBody: Sendable {
  case elb(ELBCallSpec)
  case appMesh(AppMeshCallSpec)
  case lattice(LatticeCallSpec)
  /// `updateService` with a `serviceConnectConfiguration`.
  case serviceConnect(ServiceConnectUpdateSpec)
}
