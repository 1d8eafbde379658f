import ScenarioFormat

extension MigrationState {
  /// The App Mesh settings neither target can express, and those each treats differently.
  mutating func commonLosses() {
    if inventory.egressFilter == "DROP_ALL" {
      lose(
        "egress filtering", "mesh",
        "the mesh refused destinations that were not declared backends (DROP_ALL); "
          + "after the migration only security groups restrict outbound traffic", "AM-MESH")
    }
    for node in inventory.nodes {
      let listener = node.listener ?? .object([:])
      if listener["tls"] != nil {
        lose(
          "TLS / mTLS", "virtual node \(node.name)",
          "Envoy terminated TLS on the listener"
            + (target == .serviceConnect
              ? "; Service Connect offers TLS through AWS Private CA, not mutual TLS"
              : "; Lattice offers HTTPS listeners and SigV4 auth instead of client certificates"),
          "AM-EOL-SUM, AM-TLS")
      }
      if node.spec["backendDefaults"]?["clientPolicy"]?["tls"] != nil
        || (node.spec["backends"]?.elements ?? []).contains(where: {
          $0["virtualService"]?["clientPolicy"]?["tls"] != nil
        })
      {
        lose(
          "TLS / mTLS", "virtual node \(node.name)",
          "client TLS policies (certificate validation, client certificates) "
            + "are dropped", "AM-EOL-SUM, AM-MTLS")
      }
      if listener["outlierDetection"] != nil {
        lose(
          "outlier detection tuning", "virtual node \(node.name)",
          target == .serviceConnect
            ? "Service Connect ejects failing tasks with built-in settings that cannot be tuned"
            : "Lattice has no outlier detection; only target group health checks remove tasks",
          "AM-EOL-SUM")
      }
      if listener["connectionPool"] != nil {
        lose(
          "connection pools (circuit breaking)", "virtual node \(node.name)",
          "limits on connections and pending "
            + "requests are dropped: nothing answers 503 overflow any more", "AM-EOL-SUM")
      }
      if listener["timeout"] != nil {
        lose(
          "timeouts", "virtual node \(node.name)",
          "listener timeouts are dropped"
            + (target == .serviceConnect
              ? " (Service Connect has idle and per-request timeouts per service)" : ""),
          "ECS-TO")
      }
      if listener["healthCheck"] != nil && target == .serviceConnect {
        lose(
          "active health checks", "virtual node \(node.name)",
          "Service Connect has no active application health "
            + "checks; tasks get traffic as soon as they run", "CR-2334")
      }
    }
    for router in inventory.routers {
      for route in router.routes {
        if route.body["retryPolicy"] != nil {
          lose(
            "retry tuning", "route \(route.name)",
            target == .serviceConnect
              ? "Service Connect retries twice on connection failure or 503, whatever the policy said"
              : "Lattice does not retry; the application must", "CR-1963, AM-EOL-SUM")
        }
        if route.body["timeout"] != nil {
          lose("timeouts", "route \(route.name)", "per-route timeouts are dropped", "AM-ROUTES")
        }
      }
    }
    for gateway in inventory.gateways {
      for route in gateway.routes {
        let prefix = route.body["match"]?["prefix"]?.stringValue
        let rewrite = route.body["action"]?["rewrite"]
        let defaultRewrite = rewrite?["prefix"]?["defaultPrefix"]?.stringValue != "DISABLED"
        if rewrite?["prefix"]?["value"] != nil || rewrite?["path"] != nil
          || rewrite?["hostname"] != nil
          || (prefix != nil && prefix != "/" && defaultRewrite)
        {
          lose(
            "gateway rewrites", "gateway route \(route.name)",
            "the gateway rewrote the path"
              + (prefix.map { " (prefix \($0) → /)" } ?? "")
              + "; requests now reach the service with their original path",
            "AM-GWR")
        }
        if route.body["match"]?["hostname"] != nil || route.body["match"]?["queryParameters"] != nil
        {
          lose(
            "host and query matching", "gateway route \(route.name)",
            "hostname and query-parameter matches are dropped",
            "AM-GWR, BC-VL")
        }
      }
    }
  }
}
