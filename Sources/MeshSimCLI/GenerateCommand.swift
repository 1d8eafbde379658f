/// `meshsim generate`: write a large synthetic scenario for scale tests.
enum GenerateCommand: Subcommand {
  static let name = "generate"
  static let abstract = "write a large synthetic scenario (scale tests)"
  static let usage = """
    usage: meshsim generate [--services N] [--tasks-per-service N] [--routes N] [--option O]
                            [--requests N] [--rate N] [--seed N] [--output PATH]
    """
  static var help: String {
    """
    \(abstract): N ECS services of T tasks each over three subnets and zones, one security
    group per service, the services reached through one option (or all of them in turn with
    'mixed'), path rules spread evenly over the services (a request for another path gets
    404), and one traffic stream per service. The same options always give the same file.

      cloud-map        a client resolves app-N.gen.local (private DNS namespace, A records)
      service-connect  a caller service calls app-N:80 through its Service Connect proxy
      elb              a client calls internal ALBs (20 services each); listener rules route
                       /app-N/rK* to each service's target group
      lattice          a client calls VPC Lattice services (5 applications each); listener
                       rules route /app-N/rK to each application's target group
      mixed            service 1 cloud-map, 2 service-connect, 3 elb, 4 lattice, 5 cloud-map, …

    \(usage)

    OPTIONS:
      --services N           services (default 100)
      --tasks-per-service N  tasks per service (default 10)
      --routes N             path rules in all (default 500)
      --option O             \(TopologyGenerator.Option.allCases.map(\.rawValue).joined(separator: " or ")) (default cloud-map)
      --requests N           requests in all, spread over the streams (default 100000)
      --rate N               requests per second in all (default 1000)
      --seed N               the scenario's seed (default 1)
      --output PATH          write the scenario to PATH instead of stdout
    """
  }
  static let options: [ArgumentScanner.Option] = [
    "services", "tasks-per-service", "routes", "option", "requests", "rate", "seed", "output",
  ].map { ArgumentScanner.Option(name: $0, takesValue: true) }

  static func execute(_ arguments: ArgumentScanner, console: Console) throws -> ExitStatus {
    guard arguments.positionals.isEmpty else { throw UsageError("generate takes no file arguments (use --output PATH)") }
    var options = TopologyGenerator.Options()
    options.services = try arguments.integer("services", range: 1...100_000) ?? options.services
    options.tasksPerService = try arguments.integer("tasks-per-service", range: 1...1000) ?? options.tasksPerService
    options.routes = try arguments.integer("routes", range: 0...1_000_000) ?? options.routes
    if let option = try arguments.choice("option", among: TopologyGenerator.Option.allCases.map(\.rawValue)) {
      options.option = TopologyGenerator.Option(rawValue: option)!
    }
    options.requests = try arguments.integer("requests", range: 0...100_000_000) ?? options.requests
    options.rate = try arguments.integer("rate", range: 1...1_000_000_000) ?? options.rate
    options.seed = try arguments.integer("seed", range: 0...Int.max).map { UInt64($0) } ?? options.seed
    guard options.services * options.tasksPerService <= 45_000 else {
      throw UsageError("--services × --tasks-per-service must be at most 45000 (three /18 subnets)")
    }
    let text = TopologyGenerator(options).scenarioText()
    if let path = arguments.values["output"] { try writeFile(text, to: path) } else { console.out(text) }
    return .success
  }
}
