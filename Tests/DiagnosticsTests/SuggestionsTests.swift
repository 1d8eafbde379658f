import Diagnostics
import Testing

@Suite struct SuggestionsTests {
  @Test(arguments: [
    ("", "", 0), ("", "abc", 3), ("abc", "", 3), ("kitten", "sitting", 3),
    ("flaw", "lawn", 2), ("name", "nmae", 2), ("Name", "name", 1), ("same", "same", 0),
    ("virtualNode", "virtualNodes", 1), ("héllo", "hello", 1), ("🙂a", "a", 1),
  ])
  func editDistanceIsLevenshtein(a: String, b: String, distance: Int) {
    #expect(Suggestions.editDistance(a, b) == distance)
    #expect(Suggestions.editDistance(b, a) == distance)
  }

  @Test(
    arguments: [
      ("virtualNodeNmae", ["virtualNodeName", "meshName", "spec"], "virtualNodeName"),
      // Differing only in case beats a closer-looking candidate.
      ("PORT", ["port", "PORX"], "port"),
      // Ties break alphabetically whatever the candidate order.
      ("cat", ["cbt", "cat2", "bat"], "bat"),
      ("cat", ["cat2", "cbt", "bat"], "bat"),
      // Identical candidates are not suggestions.
      ("name", ["name"], nil),
      ("name", ["name", "nmae"], "nmae"),
      // Short names accept distance 2, long names a third of their length.
      ("ab", ["xy"], "xy"),
      ("ab", ["xyz"], nil),
      ("healthCheck", ["healthChecks", "hc"], "healthChecks"),
      ("abcdefghijkl", ["abcdefgvwxyz"], nil),
      ("abcdefghijkl", ["abcdefghwxyz"], "abcdefghwxyz"),
      ("listener", [], nil),
      ("orders-v3", ["orders-v1", "orders-v2", "payments"], "orders-v1"),
    ] as [(String, [String], String?)])
  func closestPicksNearestCandidate(name: String, candidates: [String], expected: String?) {
    #expect(Suggestions.closest(to: name, in: candidates) == expected)
  }
}
