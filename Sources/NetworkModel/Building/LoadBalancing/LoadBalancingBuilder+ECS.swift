import Diagnostics
import ScenarioFormat

/// ECS services' `loadBalancers` entries, checked as `CreateService` checks them.
extension LoadBalancingBuilder {
  func buildAttachments() {
    for (serviceIndex, service) in model.services.enumerated() {
      var attached: [(group: Int, port: Int)] = []
      for (offset, spec) in service.spec.loadBalancers.enumerated() {
        let at = field(service.spec.source, "loadBalancers", index: offset)
        guard let attachment = attachment(spec, service: serviceIndex, at: at) else { continue }
        if attached.contains(where: {
          $0.group == attachment.targetGroup && $0.port == attachment.containerPort
        }) {
          error(
            "model.duplicate-attachment",
            "service '\(service.name)' registers container port \(attachment.containerPort) "
              + "in target group '\(result.targetGroups[attachment.targetGroup].name)' twice",
            at: at)
          continue
        }
        attached.append((attachment.targetGroup, attachment.containerPort))
        result.attachments.append(attachment)
      }
      if attached.count > 5 {
        error(
          "model.too-many-target-groups",
          "service '\(service.name)' registers in \(attached.count) target groups; ECS allows 5",
          at: field(service.spec.source, "loadBalancers"))
      }
    }
  }

  func attachment(
    _ spec: LoadBalancerAttachmentSpec, service serviceIndex: Int, at source: SourceRef
  ) -> TargetGroupAttachment? {
    let service = model.services[serviceIndex]
    guard let reference = spec.targetGroup else {
      error(
        "model.unsupported", "Classic Load Balancers ('loadBalancerName') are not modelled",
        at: source,
        hint: "attach the service to an ALB or NLB target group with 'targetGroupArn'")
      return nil
    }
    if spec.loadBalancerName != nil {
      error(
        "model.invalid-attachment", "give 'targetGroupArn' or 'loadBalancerName', not both",
        at: field(source, "loadBalancerName"),
        hint: "ALB and NLB attachments name only the target group")
    }
    guard let group = resolveTargetGroup(reference, at: field(source, "targetGroupArn")) else {
      return nil
    }
    let taskDefinition = model.taskDefinitions[service.taskDefinition]
    guard let container = container(spec, of: taskDefinition, at: source),
      canRegister(serviceIndex, in: group, at: field(source, "targetGroupArn"))
    else { return nil }
    return TargetGroupAttachment(
      service: serviceIndex, targetGroup: group, containerName: spec.containerName,
      container: container,
      containerPort: spec.containerPort, source: source)
  }

  /// The container of `spec` in the task definition, when it maps `containerPort` (as ECS
  /// requires); nil otherwise (reported).
  func container(
    _ spec: LoadBalancerAttachmentSpec, of taskDefinition: TaskDefinition, at source: SourceRef
  ) -> Int? {
    guard
      let container = taskDefinition.containers.firstIndex(where: { $0.name == spec.containerName })
    else {
      error(
        "model.invalid-attachment",
        "task definition '\(taskDefinition.family)' has no container '\(spec.containerName)'",
        at: field(source, "containerName"),
        hint: "containers: \(taskDefinition.containers.map(\.name).joined(separator: ", "))")
      return nil
    }
    let ports = taskDefinition.containers[container].ports.map(\.containerPort)
    guard ports.contains(spec.containerPort) else {
      error(
        "model.invalid-attachment",
        "container '\(spec.containerName)' maps no port \(spec.containerPort)",
        at: field(source, "containerPort"),
        hint: ports.isEmpty
          ? "add a portMappings entry for it"
          : "its ports: \(ports.map(String.init).joined(separator: ", "))")
      return nil
    }
    return container
  }

  /// Whether ECS accepts registering the service's tasks in `group`: an `ip` group that a load
  /// balancer uses, in the service's VPC (problems reported at `source`).
  func canRegister(_ serviceIndex: Int, in group: Int, at source: SourceRef) -> Bool {
    let service = model.services[serviceIndex]
    let targetGroup = result.targetGroups[group]
    var valid = true
    if targetGroup.targetType != .ip {
      error(
        "model.invalid-attachment",
        "target group '\(targetGroup.name)' has target type '\(targetGroup.targetType.rawValue)'; "
          + "tasks in awsvpc mode register as 'ip' targets, so ECS rejects it",
        at: source,
        hint: "create the target group with \"TargetType\": \"ip\"")
      valid = false
    }
    if targetGroup.loadBalancers.isEmpty {
      error(
        "model.target-group-without-load-balancer",
        "target group '\(targetGroup.name)' has no associated load balancer, so ECS rejects the service",
        at: source,
        hint: "forward to it from a listener's DefaultActions or a rule")
      valid = false
    }
    if let vpc = targetGroup.vpc, let serviceVPC = model.vpc(ofService: serviceIndex),
      vpc != serviceVPC
    {
      error(
        "model.vpc-mismatch",
        "target group '\(targetGroup.name)' is in VPC '\(model.vpcs[vpc].name)' but service "
          + "'\(service.name)' runs in '\(model.vpcs[serviceVPC].name)'",
        at: source)
      valid = false
    }
    return valid
  }
}
