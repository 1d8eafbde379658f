// swift-tools-version: 6.0
// MeshSim: a deterministic discrete-event simulator of service-to-service networking on AWS.
// No package dependencies: only the Swift toolchain.
import PackageDescription

/// Release builds let the optimiser inline and specialise across modules (the engine's hot path
/// calls into RouteMatching, NetworkModel and SimKernel on every hop).
let releaseSettings: [SwiftSetting] = [
  .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))
]

/// Hot simulation code is also compiled without dynamic exclusivity checks (measured in
/// `../shared/perf/README.md`: they cost ~39% on a class-based kernel). Static checks still apply.
let fastSettings: [SwiftSetting] = releaseSettings + [
  .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
]

let package = Package(
  name: "MeshSim",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "meshsim", targets: ["meshsim"])
  ],
  targets: [
    .target(name: "SimKernel", swiftSettings: fastSettings),
    .target(name: "Diagnostics", swiftSettings: releaseSettings),
    .target(name: "ScenarioFormat", dependencies: ["Diagnostics", "SimKernel"], swiftSettings: releaseSettings),
    .target(name: "RouteMatching", swiftSettings: fastSettings),
    .target(
      name: "NetworkModel",
      dependencies: ["Diagnostics", "ScenarioFormat", "RouteMatching", "SimKernel"],
      swiftSettings: releaseSettings),
    .target(
      name: "SimEngine",
      dependencies: ["NetworkModel", "RouteMatching", "SimKernel", "ScenarioFormat"],
      swiftSettings: fastSettings),
    .target(name: "Reports", dependencies: ["SimEngine", "NetworkModel", "ScenarioFormat"], swiftSettings: releaseSettings),
    .target(
      name: "Compare",
      dependencies: ["Reports", "SimEngine", "NetworkModel", "ScenarioFormat", "RouteMatching", "Diagnostics", "SimKernel"],
      swiftSettings: releaseSettings),
    .target(
      name: "MeshSimCLI",
      dependencies: ["Compare", "Reports", "SimEngine", "NetworkModel", "ScenarioFormat", "Diagnostics"],
      swiftSettings: releaseSettings),
    .executableTarget(name: "meshsim", dependencies: ["MeshSimCLI"], swiftSettings: releaseSettings),
    // Helpers the test targets share (imported by tests only).
    .target(name: "SimTestSupport", dependencies: ["Diagnostics"]),

    .testTarget(name: "SimKernelTests", dependencies: ["SimKernel"]),
    .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
    .testTarget(
      name: "ScenarioFormatTests",
      dependencies: ["ScenarioFormat", "Diagnostics", "SimKernel", "SimTestSupport"]),
    .testTarget(name: "RouteMatchingTests", dependencies: ["RouteMatching"]),
    .testTarget(
      name: "NetworkModelTests",
      dependencies: ["NetworkModel", "ScenarioFormat", "Diagnostics", "SimTestSupport"]),
    .testTarget(name: "BenchmarkToolsTests", dependencies: ["MeshSimCLI", "Reports", "SimEngine", "NetworkModel"]),
    .testTarget(name: "SimEngineTests", dependencies: ["SimEngine", "NetworkModel", "ScenarioFormat", "Diagnostics", "SimKernel", "RouteMatching"]),
    .testTarget(name: "MeshSimCLITests", dependencies: ["MeshSimCLI", "Diagnostics", "SimKernel"]),
    .testTarget(name: "ScenarioGoldenTests", dependencies: ["MeshSimCLI"]),
    .testTarget(name: "DeterminismTests", dependencies: ["MeshSimCLI", "SimEngine", "Reports", "NetworkModel"]),
    .testTarget(
      name: "ReportsTests",
      dependencies: ["Reports", "SimEngine", "NetworkModel", "ScenarioFormat", "Diagnostics", "SimKernel", "MeshSimCLI"]),
    .testTarget(
      name: "CompareTests",
      dependencies: ["Compare", "Reports", "SimEngine", "NetworkModel", "ScenarioFormat", "Diagnostics", "SimKernel", "MeshSimCLI"]),
    .testTarget(
      name: "LoadBalancingTests",
      dependencies: ["NetworkModel", "ScenarioFormat", "Diagnostics", "RouteMatching", "SimEngine", "SimKernel"]),
    .testTarget(
      name: "ServiceConnectTests",
      dependencies: ["SimEngine", "NetworkModel", "ScenarioFormat", "Diagnostics", "SimKernel", "RouteMatching"]),
    .testTarget(
      name: "AppMeshTests",
      dependencies: ["SimEngine", "NetworkModel", "ScenarioFormat", "Diagnostics", "SimKernel", "RouteMatching"]),
    .testTarget(
      name: "LatticeTests",
      dependencies: ["ScenarioFormat", "NetworkModel", "RouteMatching", "SimEngine", "Diagnostics", "SimKernel"]),
  ]
)
