/// The decoded body of a service-section API call event.
public enum ServiceCallBody: Sendable {
  case elb(ELBCallSpec)
  case appMesh(AppMeshCallSpec)
  case lattice(LatticeCallSpec)
  /// `updateService` with a `serviceConnectConfiguration`.
  case serviceConnect(ServiceConnectUpdateSpec)

  /// The body of an ELB call, if this is one.
  public var elb: ELBCallSpec? {
    if case .elb(let body) = self { return body }
    return nil
  }

  /// The body of an App Mesh call, if this is one.
  public var appMesh: AppMeshCallSpec? {
    if case .appMesh(let body) = self { return body }
    return nil
  }

  /// The body of a VPC Lattice call, if this is one.
  public var lattice: LatticeCallSpec? {
    if case .lattice(let body) = self { return body }
    return nil
  }

  /// The Service Connect update, if this is one.
  public var serviceConnect: ServiceConnectUpdateSpec? {
    if case .serviceConnect(let body) = self { return body }
    return nil
  }
}
