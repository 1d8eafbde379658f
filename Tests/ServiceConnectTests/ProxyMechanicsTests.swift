import NetworkModel
import SimKernel
import Testing

@testable import SimEngine

/// The reusable proxy pieces: round robin, outlier detection, host eligibility, retry policy.
@Suite struct ProxyMechanicsTests {
  @Test func roundRobinCyclesAndFollowsAChangingHostCount() {
    var cursor = RoundRobinCursor(position: 1)
    let first = (0..<5).compactMap { _ in cursor.next(count: 3) }
    #expect(first == [1, 2, 0, 1, 2])
    let none = cursor.next(count: 0)
    #expect(none == nil)
    let grown = (0..<4).compactMap { _ in cursor.next(count: 4) }  // a scale-out added a host
    #expect(grown == [2, 3, 0, 1])
  }

  static let policy = ServiceConnectProxyPolicy.outlierDetection

  @Test func fiveConsecutiveErrorsEjectForThirtySeconds() {
    var detector = OutlierDetector()
    let start = SimTime.zero + .seconds(1)
    for step in 0..<4 {
      let ejected = detector.record(
        7, failed: true, at: start + .seconds(Int64(step)), cluster: [7, 8], policy: Self.policy)
      #expect(ejected == nil)
    }
    let ejected = detector.record(
      7, failed: true, at: start + .seconds(4), cluster: [7, 8], policy: Self.policy)
    #expect(ejected == start + .seconds(34))
    #expect(detector.isEjected(7, at: start + .seconds(33)))
    #expect(!detector.isEjected(7, at: start + .seconds(34)))
    #expect(detector.ejectionEnd(7, at: start + .seconds(10)) == start + .seconds(34))
  }

  /// `mayEject(at:)` lets a proxy skip per-host lookups: it is false whenever no host is
  /// ejected, and true whenever one is.
  @Test func mayEjectIsTrueExactlyWhileSomeEjectionLasts() {
    var detector = OutlierDetector()
    let cluster: [UInt64] = [1, 2, 3]
    #expect(!detector.mayEject(at: .zero))
    for _ in 0..<5 { detector.record(1, failed: true, at: .zero, cluster: cluster, policy: Self.policy) }
    let later = SimTime.zero + .seconds(10)
    for _ in 0..<5 { detector.record(2, failed: true, at: later, cluster: cluster, policy: Self.policy) }
    for second in stride(from: Int64(0), through: 60, by: 1) {
      let now = SimTime.zero + .seconds(second)
      let anyEjected = cluster.contains { detector.isEjected($0, at: now) }
      #expect(detector.mayEject(at: now) == anyEjected, "at \(second) s")
    }
  }

  /// Service Connect's ejections do not lengthen when a host is ejected again.
  @Test func aSecondEjectionLastsThirtySecondsToo() {
    var detector = OutlierDetector()
    for _ in 0..<5 { detector.record(7, failed: true, at: .zero, cluster: [7], policy: Self.policy) }
    let later = SimTime.zero + .seconds(40)
    var ejected: SimTime?
    for _ in 0..<5 {
      ejected = detector.record(7, failed: true, at: later, cluster: [7], policy: Self.policy)
    }
    #expect(ejected == later + .seconds(30))
  }

  @Test func aSuccessResetsTheCount() {
    var detector = OutlierDetector()
    let cluster: [UInt64] = [1, 2]
    for _ in 0..<4 { detector.record(1, failed: true, at: .zero, cluster: cluster, policy: Self.policy) }
    detector.record(1, failed: false, at: .zero, cluster: cluster, policy: Self.policy)
    var early = false
    for _ in 0..<4 {
      early =
        early
        || detector.record(1, failed: true, at: .zero, cluster: cluster, policy: Self.policy) != nil
    }
    #expect(!early)
    let ejected = detector.record(1, failed: true, at: .zero, cluster: cluster, policy: Self.policy)
    #expect(ejected != nil)
  }

  /// Envoy ejects while fewer than 10 % of the hosts are ejected, and always allows one.
  @Test(arguments: [
    (hosts: 2, ejectable: 1), (hosts: 9, ejectable: 1), (hosts: 15, ejectable: 2),
    (hosts: 20, ejectable: 2),
    (hosts: 35, ejectable: 4),
  ])
  func ejectionsStopAtTenPercentOfHostsButOneIsAlwaysAllowed(
    _ example: (hosts: Int, ejectable: Int)
  ) {
    var detector = OutlierDetector()
    let cluster = Array(0..<UInt64(example.hosts))
    var ejected = 0
    for host in cluster {
      var result: SimTime?
      for _ in 0..<5 {
        result = detector.record(
          host, failed: true, at: .zero, cluster: cluster, policy: Self.policy)
      }
      if result != nil { ejected += 1 }
    }
    #expect(ejected == example.ejectable)
    #expect(detector.ejectedCount(among: cluster, at: .zero) == example.ejectable)
  }

  @Test func eligibleHostsSkipUnhealthyAndEjectedUntilThePanicThreshold() {
    let hosts = (1...4).map {
      UpstreamHost(address: UInt32($0), port: 80, healthy: $0 != 4, task: Int32($0))
    }
    let normal = EligibleHosts(hosts) { $0.address == 3 }
    #expect(normal.hosts.map(\.address) == [1, 2])
    #expect(!normal.inPanic)
    let panic = EligibleHosts(hosts) { $0.address >= 2 }
    #expect(panic.hosts.map(\.address) == [1, 2, 3, 4])
    #expect(panic.inPanic)
    #expect(EligibleHosts([]) { _ in false }.hosts.isEmpty)
  }

  struct RetryCase: Sendable, CustomStringConvertible {
    var response: Response
    var attempt: Int
    var http: Bool
    var retries: Bool
    var description: String {
      "\(response.status) \(response.disposition) attempt \(attempt) http \(http)"
    }
  }

  @Test(arguments: [
    RetryCase(
      response: Response(status: 503, disposition: .delivered), attempt: 0, http: true,
      retries: true),
    RetryCase(
      response: Response(status: 503, disposition: .delivered), attempt: 1, http: true,
      retries: true),
    RetryCase(
      response: Response(status: 503, disposition: .delivered), attempt: 2, http: true,
      retries: false),
    RetryCase(
      response: Response(status: 500, disposition: .delivered), attempt: 0, http: true,
      retries: false),
    RetryCase(
      response: Response(status: 504, disposition: .timedOut), attempt: 0, http: true,
      retries: false),
    RetryCase(response: .failure(.connectionRefused), attempt: 0, http: true, retries: true),
    RetryCase(
      response: .failure(.deniedBySecurityGroupIngress), attempt: 1, http: false, retries: true),
    RetryCase(response: .failure(.timedOut), attempt: 0, http: false, retries: false),
    RetryCase(
      response: Response(status: 503, disposition: .delivered), attempt: 0, http: false,
      retries: false),
  ])
  func serviceConnectRetriesTwiceOnConnectFailureAnd503(_ testCase: RetryCase) {
    #expect(
      ServiceConnectProxyPolicy.retries(
        after: testCase.response, attempt: testCase.attempt, http: testCase.http)
        == testCase.retries)
  }
}
