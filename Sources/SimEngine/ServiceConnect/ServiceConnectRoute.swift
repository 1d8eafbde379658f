import NetworkModel

/// One Service Connect name as a task's proxy knows it: the `/etc/hosts` name and loopback
/// address, the port the proxy listens on there, and the server endpoint behind it.
///
/// A task learns the routes of its namespace when it starts and keeps them (names added later
/// are invisible until the task is replaced); the hosts behind a route are read live from Cloud
/// Map on every request, so scale-outs reach it at once (aws-behaviour §2.3).
struct ServiceConnectRoute {
  var dnsName: String
  var port: Int
  var address: UInt32
  /// The server's configuration (index in `ServiceConnectModel.configurations`).
  var configuration: Int
  /// The server's ECS service.
  var service: Int
  var endpoint: ServiceConnectEndpoint

  /// The key of the route's loopback listener.
  var listenerKey: UInt64 { NetworkInterface.loopbackKey(address, port) }
}
