import Foundation
import MeshSimCLI

/// Runs `meshsim` in-process with captured output.
struct CLIRun {
  var status: Int32
  var stdout: String
  var stderr: String

  init(_ arguments: [String]) {
    let console = Console(capturing: true)
    status = MeshSimCommand.main(arguments, console: console)
    stdout = console.standardOutput
    stderr = console.standardError
  }
}

/// Paths of the package being tested, found from this file's own path.
enum Repository {
  static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  static func path(_ relative: String) -> String { root + "/" + relative }
}

/// A fresh folder for files a test writes, removed by `cleanUp`.
struct ScratchFolder {
  let path: String

  init(_ name: String) {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("meshsim-\(name)-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  func write(_ name: String, _ text: String) -> String {
    let file = path + "/" + name
    FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
    return file
  }

  func cleanUp() { try? FileManager.default.removeItem(atPath: path) }
}
