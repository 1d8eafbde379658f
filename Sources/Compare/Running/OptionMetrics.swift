import NetworkModel
import SimEngine
import SimKernel

/// What one wiring did with the application's traffic and events: outcomes, failures by
/// disposition, latency, how quickly a scaled-out task got traffic, how long a stopped task
/// was still sent requests, and how traffic split between versions.
public struct OptionMetrics: Sendable {
  /// A scale-out: when the first new task got a request, counted from the event and from the
  /// moment the task was running (the part the discovery mechanism is responsible for).
  public struct ScaleOut: Sendable {
    public var at: SimDuration
    public var ecsService: String
    public var newTasks: [String]
    public var firstRequestAfterEvent: SimDuration?
    public var firstRequestAfterRunning: SimDuration?
    /// New tasks that never got a request.
    public var idleTasks: Int
  }
  /// A stopped task: the last request it received and the failures that followed.
  public struct StoppedTask: Sendable {
    public var at: SimDuration
    public var task: String
    public var lastRequestAfterEvent: SimDuration?
    /// Requests that started at or after the event (until the next event) and failed.
    public var failuresAfter: Int
    /// Start of the last failed request after the event, counted from it (whole seconds).
    public var lastFailureAfter: SimDuration?
  }
  /// The split between a service's versions over one period of constant weights.
  public struct VersionSplit: Sendable {
    public var service: String
    public var from: SimDuration
    public var until: SimDuration?
    /// (version, asked share in per mille, observed share in per mille, requests).
    public var versions: [(version: String, asked: Int, observed: Int?, requests: Int)]
  }

  public var sent: Int
  public var succeeded: Int
  /// Failed requests by disposition, most frequent first.
  public var failures: [(disposition: String, count: Int)]
  public var latency: LatencyHistogram
  public var scaleOuts: [ScaleOut]
  public var stoppedTasks: [StoppedTask]
  public var versionSplits: [VersionSplit]

  public init(app: ApplicationSpec, result: RunResult) {
    let names = ApplicationNames(app: app)
    var sent = 0
    var succeeded = 0
    var failures: [String: Int] = [:]
    var latency = LatencyHistogram()
    for stream in result.streams {
      sent += stream.sent
      latency.merge(stream.latency)
      for row in stream.outcomes {
        if Disposition(rawValue: row.disposition)?.isSuccess ?? false {
          succeeded += row.count
        } else {
          failures[row.disposition, default: 0] += row.count
        }
      }
    }
    self.sent = sent
    self.succeeded = succeeded
    self.failures = failures.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
      ($0.key, $0.value)
    }
    self.latency = latency
    self.scaleOuts = []
    self.stoppedTasks = []
    self.versionSplits = []
    var desired: [String: Int] = [:]
    for service in app.services {
      for version in service.versions {
        desired[names.ecsService(service, version)] = version.tasks
      }
    }
    let eventTimes = app.events.map(\.at)
    for (index, event) in app.events.enumerated() {
      let nextEvent = eventTimes[(index + 1)...].first { $0 > event.at }
      switch event.action {
      case .scaleOut(let serviceName, let versionName, let tasks):
        guard let service = app.service(serviceName) else { continue }
        let ecsName = names.ecsService(service, names.version(service, named: versionName))
        let before = desired[ecsName] ?? 0
        desired[ecsName] = tasks
        guard tasks > before else { continue }
        scaleOuts.append(
          Self.scaleOut(at: event.at, ecsService: ecsName, before: before, result: result))
      case .stopTask(let serviceName, let versionName, let ordinal):
        guard let service = app.service(serviceName) else { continue }
        let task =
          "\(names.ecsService(service, names.version(service, named: versionName)))/\(ordinal)"
        stoppedTasks.append(Self.stopped(task, at: event.at, until: nextEvent, result: result))
      case .setWeights:
        break
      }
    }
    versionSplits = Self.splits(app: app, names: names, result: result)
  }

  static func ordinal(_ task: String) -> Int { Int(task.split(separator: "/").last ?? "") ?? 0 }

  static func scaleOut(at time: SimDuration, ecsService: String, before: Int, result: RunResult)
    -> ScaleOut
  {
    let event = SimTime.zero + time
    let fresh = result.tasks.filter { $0.service == ecsService && ordinal($0.task) > before }
    let first = fresh.compactMap(\.firstRequest).filter { $0 >= event }.min()
    var sinceRunning: SimDuration?
    if let first {
      let task = fresh.first { $0.firstRequest == first }!.task
      if let running = result.timeline.first(where: {
        $0.text == "task \(task) RUNNING" && $0.time >= event
      }) {
        sinceRunning = first - running.time
      }
    }
    return ScaleOut(
      at: time, ecsService: ecsService, newTasks: fresh.map(\.task),
      firstRequestAfterEvent: first.map { $0 - event }, firstRequestAfterRunning: sinceRunning,
      idleTasks: fresh.filter { $0.firstRequest == nil }.count)
  }

  static func stopped(
    _ task: String, at time: SimDuration, until next: SimDuration?, result: RunResult
  ) -> StoppedTask {
    let event = SimTime.zero + time
    let activity = result.tasks.first { $0.task == task }
    let last = activity?.lastRequest.flatMap { $0 >= event ? $0 - event : nil }
    let fromSecond = Int(time.nanoseconds / 1_000_000_000)
    let untilSecond = next.map { Int($0.nanoseconds / 1_000_000_000) } ?? Int.max
    var failed = 0
    var lastFailedSecond: Int?
    for stream in result.streams {
      for (second, rows) in stream.perSecond where second >= fromSecond && second < untilSecond {
        let count = rows.filter { !(Disposition(rawValue: $0.disposition)?.isSuccess ?? false) }
          .map(\.count).reduce(0, +)
        if count > 0 {
          failed += count
          lastFailedSecond = max(lastFailedSecond ?? second, second)
        }
      }
    }
    return StoppedTask(
      at: time, task: task, lastRequestAfterEvent: last, failuresAfter: failed,
      lastFailureAfter: lastFailedSecond.map { .seconds(Int64($0 - fromSecond)) })
  }

  /// For each service with several versions: the asked and observed split in every period
  /// between its weight changes (requests counted where they reached the versions' tasks).
  static func splits(app: ApplicationSpec, names: ApplicationNames, result: RunResult)
    -> [VersionSplit]
  {
    var splits: [VersionSplit] = []
    for service in app.services where service.versions.count > 1 {
      var weights = Dictionary(uniqueKeysWithValues: service.versions.map { ($0.name, $0.weight) })
      var periods: [(from: SimDuration, weights: [String: Int])] = [(.zero, weights)]
      for event in app.events {
        guard case .setWeights(let name, let changes) = event.action, name == service.name else {
          continue
        }
        for (version, weight) in changes { weights[version] = weight }
        if periods.last?.from == event.at {
          periods[periods.count - 1].weights = weights
        } else {
          periods.append((event.at, weights))
        }
      }
      for (index, period) in periods.enumerated() {
        let until = index + 1 < periods.count ? periods[index + 1].from : nil
        let fromSecond = Int(period.from.nanoseconds / 1_000_000_000)
        let untilSecond = until.map { Int($0.nanoseconds / 1_000_000_000) } ?? Int.max
        let total = period.weights.values.reduce(0, +)
        var counts: [(String, Int, Int)] = []
        for version in service.versions {
          let ecsName = names.ecsService(service, version)
          let requests = result.tasks.filter { $0.service == ecsName }
            .map { $0.requests(fromSecond: fromSecond, toSecond: untilSecond) }.reduce(0, +)
          let asked =
            total > 0 ? ((period.weights[version.name] ?? 0) * 1000 + total / 2) / total : 0
          counts.append((version.name, asked, requests))
        }
        let reached = counts.map(\.2).reduce(0, +)
        splits.append(
          VersionSplit(
            service: service.name, from: period.from, until: until,
            versions: counts.map {
              ($0.0, $0.1, reached > 0 ? ($0.2 * 1000 + reached / 2) / reached : nil, $0.2)
            }))
      }
    }
    return splits
  }
}
