/// Finds the "did you mean …?" candidate for a misspelt name.
///
/// Scenarios are written by hand, so an unknown key or reference is far more often a typo than
/// an intentional extension; like argument-parser and swift-syntax we name the closest valid
/// spelling. Distances are Levenshtein distances over characters; a candidate that differs only
/// in letter case counts as distance 0. Ties are broken alphabetically so the suggestion never
/// depends on the order candidates were collected in.
public enum Suggestions {
  /// The Levenshtein distance between `a` and `b`: the fewest single-character insertions,
  /// deletions and substitutions that turn one into the other. Case-sensitive.
  ///
  /// - Complexity: O(*m* × *n*) time, O(*n*) memory.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let source = Array(a)
    let target = Array(b)
    if source.isEmpty { return target.count }
    if target.isEmpty { return source.count }
    var previous = Array(0...target.count)
    var current = [Int](repeating: 0, count: target.count + 1)
    for i in 1...source.count {
      current[0] = i
      for j in 1...target.count {
        let substitution = previous[j - 1] + (source[i - 1] == target[j - 1] ? 0 : 1)
        current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
      }
      swap(&previous, &current)
    }
    return previous[target.count]
  }

  /// The candidate closest to `name`, or `nil` when none is close enough.
  ///
  /// A candidate is close enough when its distance is at most `max(2, name.count / 3)`.
  /// Candidates identical to `name` are never suggested; a candidate equal to `name` ignoring
  /// case is the best possible match. Among equally close candidates the alphabetically first
  /// wins.
  public static func closest(to name: String, in candidates: [String]) -> String? {
    let limit = max(2, name.count / 3)
    let folded = name.lowercased()
    var best: (candidate: String, distance: Int)?
    for candidate in candidates where candidate != name {
      let distance: Int
      if candidate.lowercased() == folded {
        distance = 0
      } else if abs(candidate.count - name.count) > limit {
        continue
      } else {
        distance = editDistance(name, candidate)
      }
      guard distance <= limit else { continue }
      if let current = best {
        if distance > current.distance { continue }
        if distance == current.distance && candidate >= current.candidate { continue }
      }
      best = (candidate, distance)
    }
    return best?.candidate
  }
}
