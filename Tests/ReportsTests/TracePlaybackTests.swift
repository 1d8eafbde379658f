import Reports
import SimEngine
import Testing

@Suite struct TracePlaybackTests {
  @Test func framesFollowTheRequestThereAndBack() throws {
    let result = try ReportFixtures.run(ReportFixtures.chainScenario, traces: 1)
    let graph = TopologyGraph(result)
    let trace = try #require(result.traces.first)
    let playback = TracePlayback(trace, origin: "internet", graph: graph)
    #expect(playback.frames.count == trace.steps.count + trace.hops.count)
    #expect(playback.outcome.hasPrefix("200 delivered · service front · "))
    // Frames are in time order and start where the traffic starts.
    #expect(zip(playback.frames, playback.frames.dropFirst()).allSatisfy { $0.time <= $1.time })
    #expect(playback.frames.first?.node == graph.node(named: "internet"))
    // Every hop crosses the edge between its nodes, forwards or back, and lands on the right node.
    let hops = playback.frames.filter { $0.movement != .none }
    #expect(hops.count == 8)
    for (frame, hop) in zip(hops, trace.hops) {
      let from = try #require(graph.node(named: hop.fromNode))
      let to = try #require(graph.node(named: hop.toNode))
      #expect(frame.node == to)
      let edge =
        frame.movement == .request ? graph.edge(from: from, to: to) : graph.edge(from: to, to: from)
      #expect(frame.edge == edge)
      #expect(frame.edge >= 0)
    }
    // The answer travels back to the client in the end.
    #expect(hops.last?.movement == .response)
    #expect(hops.last?.node == graph.node(named: "internet"))
    // Steps between hops stay where the request is.
    for (previous, frame) in zip(playback.frames, playback.frames.dropFirst())
    where frame.movement == .none {
      #expect(frame.node == previous.node)
      #expect(frame.edge == -1)
    }
  }

  @Test func aStepAtTheCalleesInterfaceShowsAtTheCallee() throws {
    let result = try ReportFixtures.bundled("cloudmap/backend-scaling.json", traces: 1)
    let graph = TopologyGraph(result)
    let playback = TracePlayback(try #require(result.traces.first), origin: "proxy", graph: graph)
    let kinds = playback.frames.map(\.kind)
    #expect(
      kinds == [
        "sent", "resolved", "permitted", "request", "received", "answered", "response", "returned",
      ])
    let proxy = graph.node(named: "proxy")
    let backend = graph.node(named: "backend")
    #expect(
      playback.frames.map(\.node) == [
        proxy, proxy, backend, backend, backend, backend, proxy, proxy,
      ])
    #expect(
      playback.frames.map(\.movement) == [
        .none, .none, .none, .request, .none, .none, .response, .none,
      ])
  }

  @Test func theTraceRecordsHopsOnlyForTracedRequests() throws {
    let result = try ReportFixtures.run(ReportFixtures.chainScenario, traces: 2)
    #expect(result.traces.count == 2)
    for trace in result.traces {
      #expect(
        trace.hops.map(\.direction) == [
          .request, .request, .request, .response, .response, .request, .response,
          .response,
        ])
      #expect(trace.hops.first?.fromNode == "internet")
      #expect(trace.hops.first?.toActor == "external front")
      #expect(trace.hops[3].status == 200)
      #expect(trace.hops[3].disposition == "delivered")
      #expect(zip(trace.hops, trace.hops.dropFirst()).allSatisfy { $0.afterStep <= $1.afterStep })
    }
  }
}
