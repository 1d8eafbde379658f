// swift-tools-version: 6.0
// MeshSim: a deterministic discrete-event simulator of service-to-service networking on AWS.
// No package dependencies: only the Swift toolchain.
import PackageDescription

/// Release builds let the optimiser inline and specialise across modules (the engine's hot path
/// calls into RouteMatching, NetworkModel and SimKernel on every hop).
///
/// On Linux they also carry the Swift runtime and Foundation inside the `meshsim` binary
/// (`-static-stdlib`, for compiling as well as linking, so that the static modules' own library
/// dependencies are linked too). The binary then starts without loading and relocating a dozen
/// shared libraries: `run` on a small scenario takes about 8 ms instead of 12.5 ms (measured for
/// issue 8's benchmark, which times whole runs), and it runs on a Linux machine without the Swift
/// toolchain. Debug builds, which the tests use, stay dynamic and link faster.
let releaseSettings: [SwiftSetting] = [
  .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
  .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
]

/// The linking half of `-static-stdlib` (see `releaseSettings`).
let staticRuntime: [LinkerSetting] = [
  .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))
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
    .executableTarget(
      name: "meshsim", dependencies: ["MeshSimCLI"], swiftSettings: releaseSettings, linkerSettings: staticRuntime),
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
