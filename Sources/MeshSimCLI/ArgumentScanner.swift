/// A small declarative command-line scanner: positional arguments plus `--name value` options
/// and `--flag` switches, with did-you-mean for unknown options.
struct ArgumentScanner {
  struct Option {
    let name: String
    let takesValue: Bool
  }
  var positionals: [String] = []
  var values: [String: String] = [:]
  var flags: Set<String> = []

  /// Scans `arguments`; throws a usage error naming the problem.
  init(_ arguments: [String], options: [Option]) throws {
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument.hasPrefix("--") && argument.count > 2 {
        var name = String(argument.dropFirst(2))
        var inlineValue: String?
        if let equals = name.firstIndex(of: "=") {
          inlineValue = String(name[name.index(after: equals)...])
          name = String(name[..<equals])
        }
        guard let option = options.first(where: { $0.name == name }) else {
          let suggestion = closest(name, options.map(\.name)).map { " (did you mean '--\($0)'?)" } ?? ""
          throw UsageError("unknown option '--\(name)'\(suggestion)")
        }
        if option.takesValue {
          if let inlineValue {
            values[name] = inlineValue
          } else {
            index += 1
            guard index < arguments.count else { throw UsageError("option '--\(name)' needs a value") }
            values[name] = arguments[index]
          }
        } else {
          if inlineValue != nil { throw UsageError("option '--\(name)' takes no value") }
          flags.insert(name)
        }
      } else if argument == "-h" {
        flags.insert("help")
      } else {
        positionals.append(argument)
      }
      index += 1
    }
  }

  func integer(_ name: String, range: ClosedRange<Int>) throws -> Int? {
    guard let text = values[name] else { return nil }
    guard let value = Int(text), range.contains(value) else {
      throw UsageError("option '--\(name)' needs a whole number in \(range.lowerBound)...\(range.upperBound), got '\(text)'")
    }
    return value
  }

  func choice(_ name: String, among choices: [String]) throws -> String? {
    guard let text = values[name] else { return nil }
    guard choices.contains(text) else {
      let suggestion = closest(text, choices).map { " (did you mean '\($0)'?)" } ?? ""
      throw UsageError("invalid value '\(text)' for '--\(name)'; expected one of \(choices.joined(separator: ", "))\(suggestion)")
    }
    return text
  }
}

/// A command-line mistake: printed with the command's usage, exit 64.
struct UsageError: Error {
  let message: String
  init(_ message: String) { self.message = message }
}

/// The closest candidate by edit distance (floor 3), ties alphabetical.
func closest(_ text: String, _ candidates: [String]) -> String? {
  func distance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1]
      for (j, y) in b.enumerated() { current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))) }
      previous = current
    }
    return previous[b.count]
  }
  let scored = candidates.map { ($0, distance(Array(text), Array($0))) }.filter { $0.1 <= 3 }
  return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.first?.0
}
