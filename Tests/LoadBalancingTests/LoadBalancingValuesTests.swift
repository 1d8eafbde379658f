import Testing

@testable import NetworkModel

@Suite struct LoadBalancingValuesTests {
  @Test(arguments: [
    (
      RedirectAction(protocol: "HTTPS", port: "443", statusCode: 301),
      "https://example.com:443/a/b?x=1"
    ),
    (RedirectAction(path: "/new/#{path}", statusCode: 302), "http://example.com:80/new/a/b?x=1"),
    (
      RedirectAction(host: "www.#{host}", query: "#{query}&v=2", statusCode: 301),
      "http://www.example.com:80/a/b?x=1&v=2"
    ),
    (RedirectAction(path: "/", query: "", statusCode: 301), "http://example.com:80/"),
  ])
  func redirectLocation(action: RedirectAction, expected: String) {
    #expect(
      action.location(scheme: "http", host: "example.com", port: 80, path: "/a/b", query: "x=1")
        == expected)
    #expect(!action.changesNothing)
  }

  @Test func redirectKeepingEveryPartChangesNothing() {
    #expect(RedirectAction(query: "v=1", statusCode: 301).changesNothing)
  }

  @Test(arguments: [
    ("200", [200...200]), ("200,202", [200...200, 202...202]), ("200-299", [200...299]),
    (" 200 - 399 ", [200...399]),
  ])
  func matcherParses(text: String, ranges: [ClosedRange<Int>]) throws {
    let matcher = try #require(StatusCodeMatcher(text))
    #expect(matcher.ranges == ranges)
  }

  @Test(arguments: ["", "abc", "300-200", "200,", "2-3-4"])
  func malformedMatcherIsRejected(text: String) {
    #expect(StatusCodeMatcher(text) == nil)
  }

  @Test(arguments: [
    (
      "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/blue-targets/73e2d6bc24d8a067",
      "targetgroup", "blue-targets"
    ),
    (
      "arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-alb/50dc6c495c0c9188",
      "loadbalancer", "my-alb"
    ),
    (
      "arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/net/my-nlb/50dc6c495c0c9188",
      "loadbalancer", "my-nlb"
    ),
    (
      "arn:aws:elasticloadbalancing:us-west-2:123456789012:listener/app/my-alb/50dc6c495c0c9188/f2f7dc8efc522ab2",
      "listener", "my-alb"
    ),
    (
      "arn:aws:elasticloadbalancing:us-west-2:1:listener-rule/app/my-alb/5/f/9", "listener-rule",
      "my-alb"
    ),
  ])
  func resourceNameFromARN(arn: String, kind: String, name: String) {
    #expect(ELBResourceName(arn: arn) == ELBResourceName(kind: kind, name: name))
  }

  @Test(arguments: [
    "blue-targets", "arn:aws:ecs:us-west-2:1:service/x",
    "arn:aws:elasticloadbalancing:us-west-2:1:loadbalancer/app",
  ])
  func notAnELBResourceARN(text: String) {
    #expect(ELBResourceName(arn: text) == nil)
  }

  @Test func clientIPPreservationDefaults() {
    #expect(!TargetGroupAttributes(protocol: .tcp, targetType: .ip).preserveClientIP)
    #expect(!TargetGroupAttributes(protocol: .tls, targetType: .ip).preserveClientIP)
    #expect(TargetGroupAttributes(protocol: .udp, targetType: .ip).preserveClientIP)
    #expect(TargetGroupAttributes(protocol: .tcp, targetType: .instance).preserveClientIP)
  }
}
