import Diagnostics
import ScenarioFormat
import SimKernel

/// The `elb` pass of ``ModelBuilder``: resolves load balancers, target groups, listeners and
/// rules by name or ARN, applies AWS defaults, reports every API error AWS would raise (and the
/// limits it enforces), and compiles ALB rules into route tables.
final class LoadBalancingBuilder {
  unowned let base: ModelBuilder
  var result = LoadBalancingModel()
  var loadBalancerTable = SymbolTable(kind: "load balancer")
  var targetGroupTable = SymbolTable(kind: "target group")
  var listenerTable = SymbolTable(kind: "listener")
  var ruleTable = SymbolTable(kind: "listener rule")
  /// Where each entry of `ruleTable` lives: its listener and priority.
  var ruleLocations: [(listener: Int, priority: Int)] = []

  init(base: ModelBuilder) { self.base = base }

  var document: ScenarioDocument { base.document }
  var model: NetworkModel { base.model }
  var diagnostics: DiagnosticEngine { base.diagnostics }

  func build() {
    let elb = document.elb
    for spec in elb.loadBalancers { buildLoadBalancer(spec) }
    for spec in elb.targetGroups { buildTargetGroup(spec) }
    for spec in elb.loadBalancerAttributes { applyLoadBalancerAttributes(spec) }
    for spec in elb.targetGroupAttributes { applyTargetGroupAttributes(spec) }
    for spec in elb.listeners { buildListener(spec) }
    for spec in elb.rules { buildRule(spec) }
    finishListeners()
    linkTargetGroups()
    buildAttachments()
    buildEvents()
  }

  func error(
    _ id: DiagnosticID, _ message: String, at source: SourceRef, hint: String? = nil,
    notes: [Diagnostic.Note] = []
  ) {
    base.error(id, message, at: source, hint: hint, notes: notes)
  }

  func warning(_ id: DiagnosticID, _ message: String, at source: SourceRef, hint: String? = nil) {
    base.warning(id, message, at: source, hint: hint)
  }

  func field(_ parent: SourceRef, _ key: String, index: Int? = nil) -> SourceRef {
    base.field(parent, key, index: index)
  }

  /// A 16-hex-digit id that is the same in every run (ELB ids are random in AWS).
  static func identifier(_ seed: String) -> String {
    let hex = String(StableHash.fnv1a64(seed), radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  var arnPrefix: String { "arn:aws:elasticloadbalancing:\(document.region):\(document.accountID):" }

  // MARK: - Resolving references

  /// Resolves a load balancer or target group by name, ARN, or the name inside an ARN.
  func resolve(_ reference: String, in table: SymbolTable, kind: String, at source: SourceRef)
    -> Int?
  {
    if let index = table.lookup(reference) { return index }
    if let parsed = ELBResourceName(arn: reference), parsed.kind == kind,
      let index = table.lookup(parsed.name)
    {
      return index
    }
    return table.resolve(reference, at: source, diagnostics: diagnostics)
  }

  func resolveLoadBalancer(_ reference: String, at source: SourceRef) -> Int? {
    resolve(reference, in: loadBalancerTable, kind: "loadbalancer", at: source)
  }

  func resolveTargetGroup(_ reference: String, at source: SourceRef) -> Int? {
    resolve(reference, in: targetGroupTable, kind: "targetgroup", at: source)
  }

  /// Resolves a listener by its ARN, `Name` tag or `<load balancer>:<port>`; an ARN naming a
  /// load balancer with a single listener resolves to it.
  func resolveListener(_ reference: String, at source: SourceRef) -> Int? {
    if let index = listenerTable.lookup(reference) { return index }
    if let parsed = ELBResourceName(arn: reference), parsed.kind == "listener",
      let balancer = loadBalancerTable.lookup(parsed.name),
      result.loadBalancers[balancer].listeners.count == 1
    {
      return result.loadBalancers[balancer].listeners[0]
    }
    if listenerTable.names.isEmpty || ELBResourceName(arn: reference) != nil {
      error(
        "model.unresolved-reference", "unknown listener '\(reference)'", at: source,
        hint: "refer to a listener by the 'ListenerArn' it declares, a 'Name' tag, or as "
          + "'<load balancer name>:<port>'"
          + (listenerTable.names.isEmpty
            ? "" : "; listeners: \(listenerTable.names.joined(separator: ", "))"))
      return nil
    }
    return listenerTable.resolve(reference, at: source, diagnostics: diagnostics)
  }

  /// Resolves a rule by its ARN, `Name` tag or `<load balancer>:<port>:<priority>`.
  func resolveRule(_ reference: String, at source: SourceRef) -> Int? {
    if let index = ruleTable.lookup(reference) { return index }
    error(
      "model.unresolved-reference", "unknown listener rule '\(reference)'", at: source,
      hint: "refer to a rule by the 'RuleArn' it declares, a 'Name' tag, or as "
        + "'<load balancer name>:<port>:<priority>'")
    return nil
  }

  /// A resource's `Name` tag.
  static func nameTag(_ tags: [Tag]) -> String? { tags.nameTag }
}
