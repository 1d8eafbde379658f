import Diagnostics
import Foundation
import ScenarioFormat
import SimKernel
import Testing

/// Feeds the reader thousands of deterministic corruptions of a realistic scenario and checks
/// that it never crashes and always either returns a value or explains why not at a real place.
@Suite struct JSONReaderMutationTests {
  static let scenario = """
    {
      // Weighted routing between two versions of a service.
      "name": "orders-canary",
      "description": "90/10 split — café edition \\u00e9 \\"quoted\\"",
      "seed": 7,
      "region": "us-east-1",
      "ec2": {
        "vpcs": [{ "CidrBlock": "10.0.0.0/16", "TagSpecifications": [] }],
        "subnets": [
          { "VpcId": "main", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a" }
        ],
        "securityGroups": [
          {
            "GroupName": "orders",
            "IpPermissions": [
              { "IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080,
                "IpRanges": [{ "CidrIp": "10.0.0.0/16" }] }
            ]
          }
        ]
      },
      /* App Mesh resources, in the request shapes of create-virtual-router and create-route */
      "appMesh": {
        "meshes": [{ "meshName": "shop", "spec": { "egressFilter": { "type": "DROP_ALL" } } }],
        "virtualRouters": [
          {
            "meshName": "shop",
            "virtualRouterName": "orders-router",
            "spec": { "listeners": [{ "portMapping": { "port": 8080, "protocol": "http" } }] }
          }
        ],
        "routes": [
          {
            "meshName": "shop",
            "virtualRouterName": "orders-router",
            "routeName": "canary",
            "spec": {
              "priority": 10,
              "httpRoute": {
                "match": { "prefix": "/", "headers": [{ "name": "x-canary", "invert": false }] },
                "action": {
                  "weightedTargets": [
                    { "virtualNode": "orders-v1", "weight": 90 },
                    { "virtualNode": "orders-v2", "weight": 10 }
                  ]
                },
                "timeout": { "perRequest": { "unit": "ms", "value": 1.5e3 } }
              }
            }
          }
        ]
      },
      "traffic": [{ "name": "t", "count": 1000, "ratePerSecond": 50.0, "headers": null }],
      "expect": [{ "traffic": "t", "share": { "orders-v2": [0.05, 0.15] } }]
    }
    """

  /// Every mutation of `original`, in a fixed order.
  static func mutations(of original: [UInt8]) -> [[UInt8]] {
    let structural = Array(#"{}[],:"\"#.utf8)
    let invalidSequences: [[UInt8]] = [
      [0xFF], [0xC3], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x80, 0xAF],
      [0xF0, 0x9F, 0x98],
    ]
    var random = SplitMix64(seed: 0x5EED)
    var result: [[UInt8]] = []
    for offset in 0..<original.count {
      result.append(Array(original[..<offset]))
      var deleted = original
      deleted.remove(at: offset)
      result.append(deleted)
      var duplicated = original
      duplicated.insert(original[offset], at: offset)
      result.append(duplicated)
      var replaced = original
      replaced[offset] = structural[offset % structural.count]
      result.append(replaced)
    }
    for _ in 0..<3000 {
      var replaced = original
      replaced[random.next(below: original.count)] = UInt8(truncatingIfNeeded: random.next())
      result.append(replaced)
    }
    for _ in 0..<600 {
      var inserted = original
      let sequence =
        random.next(below: 3) == 0
        ? [0x00] : invalidSequences[random.next(below: invalidSequences.count)]
      inserted.insert(contentsOf: sequence, at: random.next(below: original.count + 1))
      result.append(inserted)
    }
    return result
  }

  /// The number of bytes in each line, so a location can be checked against the file.
  static func lineLengths(_ bytes: [UInt8]) -> [Int] {
    bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(\.count)
  }

  @Test func originalScenarioIsValid() throws {
    let engine = DiagnosticEngine()
    let node = JSONReader.parse(Self.scenario, file: "s.json", diagnostics: engine)
    #expect(engine.diagnostics.isEmpty)
    let weight = try #require(
      node?.objectValue?["appMesh"]?.objectValue?["routes"]?.arrayValue?.first?.objectValue?[
        "spec"]?
        .objectValue?["httpRoute"]?.objectValue?["action"]?.objectValue?["weightedTargets"]?
        .arrayValue?.last?.objectValue?["weight"])
    #expect(
      weight.path.description == "/appMesh/routes/0/spec/httpRoute/action/weightedTargets/1/weight")
    #expect(weight.location == SourceLocation(file: "s.json", line: 44, column: 57))
  }

  @Test func neverCrashesAndAlwaysExplainsFailureInsideTheFile() {
    let original = Array(Self.scenario.utf8)
    let mutations = Self.mutations(of: original)
    #expect(mutations.count > 8000)
    var failures = 0
    for (number, bytes) in mutations.enumerated() {
      let engine = DiagnosticEngine()
      let node = JSONReader.parse(bytes, file: "m.json", diagnostics: engine)
      let lines = Self.lineLengths(bytes)
      if node == nil { failures += 1 }
      #expect(node != nil || engine.errorCount > 0, "mutation \(number)")
      for diagnostic in engine.diagnostics {
        #expect(diagnostic.id.rawValue.hasPrefix("syntax."), "mutation \(number)")
        let locations = [diagnostic.location] + diagnostic.notes.map(\.location)
        for case let location? in locations {
          let valid =
            location.file == "m.json" && location.line >= 1 && location.line <= lines.count
            && location.column >= 1 && location.column <= lines[location.line - 1] + 1
          #expect(valid, "mutation \(number): \(location)")
        }
      }
    }
    #expect(failures > mutations.count / 2)
  }

  /// Foundation's reader (no comments, duplicate keys allowed) must accept whatever we accept
  /// without errors, and reject only what we reject.
  @Test func agreesWithFoundationOnCommentFreeInput() {
    let withoutComments = Self.scenario.split(separator: "\n")
      .filter { !$0.contains("//") && !$0.contains("/*") }.joined(separator: "\n")
    let original = Array(withoutComments.utf8)
    for (number, bytes) in Self.mutations(of: original).enumerated() {
      let engine = DiagnosticEngine()
      let node = JSONReader.parse(bytes, file: "m.json", diagnostics: engine)
      let clean = node != nil && engine.diagnostics.isEmpty
      let foundationAccepts =
        (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
      if clean {
        #expect(foundationAccepts, "mutation \(number): \(String(decoding: bytes, as: UTF8.self))")
      }
      if foundationAccepts && !clean {
        let ids = Set(engine.diagnostics.map(\.id))
        #expect(
          ids.isSubset(of: [.syntaxDuplicateKey, .syntaxTrailingComma]),
          "mutation \(number): \(engine.diagnostics.map(\.message))")
      }
    }
  }
}

extension SplitMix64 {
  /// A draw below `bound`, so every run tries the same mutations.
  fileprivate mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
