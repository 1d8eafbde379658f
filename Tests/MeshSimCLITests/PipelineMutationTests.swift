import Diagnostics
import Foundation
import MeshSimCLI
import SimEngine
import SimKernel
import Testing

/// Feeds thousands of deterministic mutations of a real scenario file through the whole
/// pipeline (`ScenarioLoader.load`: read, decode, build; then a short run when it builds):
/// truncations, byte edits, key renames, dropped keys and values of the wrong type. Nothing may
/// crash, and every rejected file must be explained by errors that point inside the file.
@Suite struct PipelineMutationTests {
  /// The seed article's scenario gets every kind of mutation; the security-group one (clients,
  /// externals, rules, behaviours with calls) gets the structural ones.
  static let files = ["Scenarios/cloudmap/backend-scaling.json", "Scenarios/network/security-group-denied.json"]

  struct Mutation {
    var name: String
    var bytes: [UInt8]
  }

  static func original(_ file: String) throws -> [UInt8] {
    [UInt8](try #require(FileManager.default.contents(atPath: Repository.path(file))))
  }

  /// Cuts, byte replacements and insertions at deterministic places.
  static func byteMutations(_ original: [UInt8]) -> [Mutation] {
    var result: [Mutation] = []
    for offset in stride(from: 0, to: original.count, by: 5) {
      result.append(Mutation(name: "truncated at \(offset)", bytes: Array(original[..<offset])))
    }
    var random = SplitMix64(seed: 0xC0FFEE)
    let interesting = Array(#"{}[],:"\0123456789-.eE tfn/"#.utf8) + [0x00, 0x0A, 0xFF, 0xC3]
    for index in 0..<1500 {
      var edited = original
      let offset = random.next(below: original.count)
      if index % 3 == 0 {
        edited.remove(at: offset)
        result.append(Mutation(name: "byte \(offset) deleted", bytes: edited))
      } else {
        edited[offset] = interesting[random.next(below: interesting.count)]
        result.append(Mutation(name: "byte \(offset) set to \(edited[offset])", bytes: edited))
      }
    }
    return result
  }

  /// Every key of the file renamed (a typo), one at a time.
  static func keyRenames(_ original: [UInt8]) -> [Mutation] {
    var result: [Mutation] = []
    var index = 0
    while index < original.count {
      // A key is a string followed by optional spaces and a colon.
      guard original[index] == UInt8(ascii: "\""), let close = original[(index + 1)...].firstIndex(of: UInt8(ascii: "\"")) else {
        index += 1
        continue
      }
      var after = close + 1
      while after < original.count, original[after] == UInt8(ascii: " ") { after += 1 }
      if after < original.count, original[after] == UInt8(ascii: ":"), close > index + 2 {
        var renamed = original
        renamed[index + 2] = renamed[index + 2] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        result.append(Mutation(name: "key at byte \(index) renamed", bytes: renamed))
      }
      index = close + 1
    }
    return result
  }

  /// Every value replaced by values of other types, and every object member dropped.
  static func treeMutations(_ original: [UInt8]) throws -> [Mutation] {
    let root = try JSONSerialization.jsonObject(with: Data(original))
    var paths: [[Any]] = []
    func walk(_ value: Any, _ path: [Any]) {
      paths.append(path)
      if let object = value as? [String: Any] {
        for key in object.keys.sorted() { walk(object[key]!, path + [key]) }
      } else if let array = value as? [Any] {
        for (offset, element) in array.enumerated() { walk(element, path + [offset]) }
      }
    }
    walk(root, [])
    let replacements: [Any] = ["text", 7, -1, 1e300, 0.5, true, NSNull(), [Any](), [String: Any](), "", 99_999_999_999]
    func replacing(_ value: Any, at path: ArraySlice<Any>, with new: Any?) -> Any? {
      guard let head = path.first else { return new }
      if var object = value as? [String: Any], let key = head as? String {
        object[key] = replacing(object[key]!, at: path.dropFirst(), with: new)
        return object
      }
      if var array = value as? [Any], let offset = head as? Int {
        if let replaced = replacing(array[offset], at: path.dropFirst(), with: new) { array[offset] = replaced } else { array.remove(at: offset) }
        return array
      }
      return value
    }
    var result: [Mutation] = []
    for (number, path) in paths.enumerated() where !path.isEmpty {
      let description = path.map { "\($0)" }.joined(separator: "/")
      for choice in [number % replacements.count, (number * 7 + 3) % replacements.count] {
        let mutated = replacing(root, at: path[...], with: replacements[choice])!
        let data = try JSONSerialization.data(withJSONObject: mutated, options: [.prettyPrinted, .sortedKeys])
        result.append(Mutation(name: "/\(description) = \(replacements[choice])", bytes: [UInt8](data)))
      }
      if path.last is String {
        let mutated = replacing(root, at: path[...], with: nil)!
        let data = try JSONSerialization.data(withJSONObject: mutated, options: [.prettyPrinted, .sortedKeys])
        result.append(Mutation(name: "/\(description) removed", bytes: [UInt8](data)))
      }
    }
    return result
  }

  /// Why a load broke the rules, or nil when it is fine.
  static func problem(with loaded: ScenarioLoader.Loaded, bytes: [UInt8]) -> String? {
    let errors = loaded.diagnostics.diagnostics.filter { $0.severity == .error }
    if loaded.model != nil { return errors.isEmpty ? nil : "a model was built despite \(errors.count) errors" }
    if errors.isEmpty { return "rejected without an error" }
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.unicodeScalars.count }
    for error in errors {
      guard let location = error.location else { return "error without a location: \(error.id): \(error.message)" }
      guard location.file == loaded.path, location.line >= 1, location.line <= lines.count,
        location.column >= 1, location.column <= lines[location.line - 1] + 1
      else { return "error outside the file at \(location): \(error.id): \(error.message)" }
    }
    return nil
  }

  @Test(arguments: files)
  func mutatedScenariosNeverCrashAndAreAlwaysExplained(_ file: String) throws {
    let original = try Self.original(file)
    let structural = Self.keyRenames(original) + (try Self.treeMutations(original))
    let mutations = file == Self.files[0] ? Self.byteMutations(original) + structural : structural
    #expect(mutations.count > (file == Self.files[0] ? 3000 : 1000))
    var failures: [String] = []
    var built = 0
    for mutation in mutations {
      let loaded = ScenarioLoader.load(bytes: mutation.bytes, path: "mutant.json")
      _ = ScenarioLoader.render(loaded)
      if let problem = Self.problem(with: loaded, bytes: mutation.bytes) { failures.append("\(mutation.name): \(problem)") }
      if let model = loaded.model {
        built += 1
        let result = SimulationRun.run(model, options: .init(traces: .first(1), requestCount: 2))
        #expect(result.streams.allSatisfy { $0.sent <= 2 })
      }
    }
    #expect(built > 100, "some mutations (renamed describe-only values, swapped names) still build")
    #expect(failures.isEmpty, "\(failures.count) of \(mutations.count) mutations: \(failures.prefix(15).joined(separator: "\n"))")
  }
}

extension SplitMix64 {
  /// A draw below `bound`, so every run tries the same mutations.
  fileprivate mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
