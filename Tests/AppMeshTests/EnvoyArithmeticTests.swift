import NetworkModel
import ScenarioFormat
import SimKernel
import Testing

@testable import SimEngine

/// Retry, timeout, outlier-detection, connection-pool and TLS arithmetic (AWS behaviour §1.5,
/// §1.7, §1.9, §1.10).
@Suite struct EnvoyArithmeticTests {
  @Test func serverErrorRetriesTheServerErrorStatusesAndResets() {
    let policy = MeshRetryPolicy.configured(
      maxRetries: 2, perRetryTimeout: .seconds(1), httpEvents: ["server-error"],
      tcpEvents: [], grpcEvents: [])
    for status in [500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511] {
      #expect(policy.retries(status: status, connectFailure: false))
    }
    #expect(!policy.retries(status: 509, connectFailure: false))
    #expect(!policy.retries(status: 409, connectFailure: false))
    #expect(policy.retries(status: 0, connectFailure: false))
    #expect(policy.retries(status: 0, connectFailure: true))
  }

  @Test func item15ThreeAttemptsAtMostWithTwoRetries() {
    let policy = MeshRetryPolicy.configured(
      maxRetries: 2, perRetryTimeout: nil, httpEvents: ["server-error"],
      tcpEvents: [], grpcEvents: [])
    #expect(policy.allowsRetry(after: 1))
    #expect(policy.allowsRetry(after: 2))
    #expect(!policy.allowsRetry(after: 3))
  }

  @Test func clientErrorIs409AndGatewayErrorIs502To504() {
    let client = MeshRetryPolicy.configured(
      maxRetries: 1, perRetryTimeout: nil, httpEvents: ["client-error"], tcpEvents: [],
      grpcEvents: [])
    #expect(client.retryStatuses == [409])
    #expect(!client.retries(status: 0, connectFailure: true))
    let gateway = MeshRetryPolicy.configured(
      maxRetries: 1, perRetryTimeout: nil, httpEvents: ["gateway-error"], tcpEvents: [],
      grpcEvents: [])
    #expect(gateway.retryStatuses == [502, 503, 504])
    let tcp = MeshRetryPolicy.configured(
      maxRetries: 1, perRetryTimeout: nil, httpEvents: [], tcpEvents: ["connection-error"],
      grpcEvents: [])
    #expect(tcp.retries(status: 0, connectFailure: true))
    #expect(!tcp.retries(status: 0, connectFailure: false))
    #expect(!tcp.retries(status: 503, connectFailure: false))
  }

  @Test func item16TheHiddenDefaultRetries503Only() {
    let policy = MeshRetryPolicy.appMeshDefault
    #expect(policy.maxRetries == 2)
    #expect(policy.retries(status: 503, connectFailure: false))
    #expect(!policy.retries(status: 500, connectFailure: false))
    #expect(policy.retries(status: 0, connectFailure: true))
  }

  @Test(arguments: [(1, 25), (2, 75), (3, 175), (4, 250), (9, 250)])
  func backoffIsFullyJitteredAndCapped(_ example: (retry: Int, ceilingMilliseconds: Int64)) {
    var random = RandomSource(seed: 3)
    var largest = SimDuration.zero
    for _ in 0..<2000 {
      let delay = MeshRetryPolicy.backoff(retry: example.retry, randomValue: random.next())
      #expect(delay >= .zero && delay < .milliseconds(example.ceilingMilliseconds))
      largest = max(largest, delay)
    }
    #expect(largest > .milliseconds(example.ceilingMilliseconds * 9 / 10))
  }

  @Test func ejectionLastsBaseTimesCountUntilTheNextIntervalTick() {
    let policy = OutlierDetectionPolicy(
      maxServerErrors: 5, interval: .seconds(30), baseEjectionDuration: .seconds(10),
      maxEjectionPercent: 100)
    #expect(
      policy.returnTime(ejectedAt: SimTime.zero + .seconds(13), times: 1) == SimTime.zero
        + .seconds(30))
    #expect(
      policy.returnTime(ejectedAt: SimTime.zero + .seconds(13), times: 2) == SimTime.zero
        + .seconds(60))
    #expect(
      policy.returnTime(ejectedAt: SimTime.zero + .seconds(30), times: 3) == SimTime.zero
        + .seconds(60))
    let noInterval = OutlierDetectionPolicy(
      maxServerErrors: 1, interval: .zero, baseEjectionDuration: .seconds(10),
      maxEjectionPercent: 100)
    #expect(
      noInterval.returnTime(ejectedAt: SimTime.zero + .seconds(1), times: 1) == SimTime.zero
        + .seconds(11))
  }

  @Test(arguments: [
    (0, 4, 100, true), (2, 4, 100, true), (3, 4, 75, false), (1, 4, 25, false), (0, 4, 0, true),
    (1, 10, 10, false),
  ])
  func maxEjectionPercentChecksBeforeEjectingAndAlwaysAllowsOne(
    _ example: (ejected: Int, hosts: Int, percent: Int, allowed: Bool)
  ) {
    let policy = OutlierDetectionPolicy(
      maxServerErrors: 5, interval: .seconds(10), baseEjectionDuration: .seconds(30),
      maxEjectionPercent: example.percent)
    #expect(
      policy.mayEject(alreadyEjected: example.ejected, hosts: example.hosts) == example.allowed)
  }

  @Test func theTrackerEjectsAfterConsecutiveErrorsOnly() {
    let policy = OutlierDetectionPolicy(
      maxServerErrors: 3, interval: .seconds(10), baseEjectionDuration: .seconds(30),
      maxEjectionPercent: 100)
    var tracker = OutlierDetector()
    let hosts: [UInt64] = [1, 2]
    #expect(tracker.record(1, failed: true, at: .zero, cluster: hosts, policy: policy) == nil)
    #expect(tracker.record(1, failed: false, at: .zero, cluster: hosts, policy: policy) == nil)
    for _ in 0..<2 {
      #expect(tracker.record(1, failed: true, at: .zero, cluster: hosts, policy: policy) == nil)
    }
    #expect(
      tracker.record(1, failed: true, at: .zero, cluster: hosts, policy: policy) == SimTime.zero
        + .seconds(30))
    #expect(tracker.isEjected(1, at: SimTime.zero + .seconds(29)))
    #expect(!tracker.isEjected(1, at: SimTime.zero + .seconds(30)))
  }

  @Test(arguments: [
    (0, 0, ConnectionPoolLimits.Admission.serve), (10, 0, .queue), (10, 4, .queue),
    (10, 5, .overflow),
  ])
  func httpConnectionPoolsServeQueueThenOverflow(
    _ example: (active: Int, pending: Int, admission: ConnectionPoolLimits.Admission)
  ) {
    let pool = ConnectionPoolLimits(protocolName: .http, maxActive: 10, maxPending: 5)
    #expect(pool.admit(active: example.active, pending: example.pending) == example.admission)
  }

  @Test func http2PoolsHaveNoQueue() {
    let pool = ConnectionPoolLimits(protocolName: .http2, maxActive: 10, maxPending: 0)
    #expect(pool.admit(active: 9, pending: 0) == .serve)
    #expect(pool.admit(active: 10, pending: 0) == .overflow)
  }

  @Test(arguments: [
    ("/red//tell/../tell", "/red/tell"), ("/a/./b/", "/a/b/"), ("/tell", "/tell"), ("//", "/"),
    ("/a/..", "/"),
  ])
  func pathsAreNormalizedAndSlashesMerged(_ example: (path: String, normalized: String)) {
    #expect(MeshPathNormalization.normalize(example.path) == example.normalized)
  }

  /// The quick check may say "maybe" for a normal path, but never "no" for one that changes.
  @Test(arguments: [
    ("/tell", false), ("/", false), ("", false), ("/a.b/c.d", false), ("/a/b/", false),
    ("//", true), ("/a//b", true), ("/./a", true), ("/a/..", true), ("/a/.hidden", true),
    ("/caf\u{E9}", true), ("/a/b/c/d/e/f/g/h//i", true), ("/abcdefghijklmnop/", false),
  ])
  func theQuickCheckNeverMissesAPathThatNormalizationChanges(_ example: (path: String, mayChange: Bool)) {
    #expect(MeshPathNormalization.mayNeedNormalizing(example.path) == example.mayChange)
    #expect(MeshPathNormalization.mayNeedNormalizing(bytes: Array(example.path.utf8)) == example.mayChange)
    if !example.mayChange { #expect(MeshPathNormalization.normalize(example.path) == example.path) }
  }
}
