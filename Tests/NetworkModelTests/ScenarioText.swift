import Diagnostics
import NetworkModel
import ScenarioFormat

/// Builds a model from scenario text, as `meshsim check` does (decode, then build).
enum ScenarioText {
  struct Built {
    var model: NetworkModel?
    var diagnostics: [Diagnostic]
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
  }

  static func build(_ text: String, file: String = "test.json") -> Built {
    let engine = DiagnosticEngine()
    guard let document = ScenarioDecoder.decode(bytes: Array(text.utf8), file: file, diagnostics: engine) else {
      return Built(model: nil, diagnostics: engine.diagnostics)
    }
    let model = ModelBuilder.build(document, diagnostics: engine)
    return Built(model: engine.hasErrors ? nil : model, diagnostics: engine.diagnostics)
  }

  /// A small valid scenario with a placeholder for extra top-level members.
  static func scenario(ec2: String = defaultEC2, _ rest: String = "") -> String {
    """
    {
      "name": "test",
      "ec2": \(ec2)\(rest.isEmpty ? "" : ",\n" + rest)
    }
    """
  }

  static let defaultEC2 = """
    {
        "vpcs": [{ "VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16" }],
        "subnets": [
          { "SubnetId": "subnet-a", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a" },
          { "SubnetId": "subnet-b", "VpcId": "vpc-1", "CidrBlock": "10.0.2.0/24", "AvailabilityZone": "us-east-1b" }
        ],
        "securityGroups": [{ "GroupId": "sg-app", "GroupName": "app", "VpcId": "vpc-1", "IpPermissions": [] }]
      }
    """
}
