import Diagnostics
import Foundation
import NetworkModel
import ScenarioFormat

/// Stages 1–3 for one file: read, decode, build. Collects every diagnostic.
public struct ScenarioLoader {
  public struct Loaded {
    public var path: String
    public var text: String
    public var diagnostics: DiagnosticEngine
    public var model: NetworkModel?
  }

  /// Loads a scenario file; `model` is nil when any error was found.
  public static func load(_ path: String) -> Loaded {
    let diagnostics = DiagnosticEngine()
    guard let data = FileManager.default.contents(atPath: path) else {
      let isDirectory = (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeDirectory
      diagnostics.error("io.unreadable", isDirectory ? "'\(path)' is a folder, not a scenario file" : "cannot read '\(path)'",
                        at: nil, hint: "pass the path of a scenario .json file")
      return Loaded(path: path, text: "", diagnostics: diagnostics, model: nil)
    }
    return load(bytes: [UInt8](data), path: path)
  }

  /// Loads scenario bytes as if read from `path` (which diagnostics name).
  public static func load(bytes: [UInt8], path: String) -> Loaded {
    let diagnostics = DiagnosticEngine()
    let text = String(decoding: bytes, as: UTF8.self)
    guard let document = ScenarioDecoder.decode(bytes: bytes, file: path, diagnostics: diagnostics) else {
      return Loaded(path: path, text: text, diagnostics: diagnostics, model: nil)
    }
    if diagnostics.hasErrors {
      // Still resolve references so the user sees those problems in the same pass.
      _ = ModelBuilder.build(document, diagnostics: diagnostics)
      return Loaded(path: path, text: text, diagnostics: diagnostics, model: nil)
    }
    let model = ModelBuilder.build(document, diagnostics: diagnostics)
    return Loaded(path: path, text: text, diagnostics: diagnostics, model: model)
  }

  /// Renders the diagnostics of a load, compiler style, with source excerpts and a summary
  /// line, ending with a newline (what `check` prints on stderr).
  public static func render(_ loaded: Loaded) -> String {
    let renderer = DiagnosticRenderer(sources: [loaded.path: loaded.text])
    return renderer.render(loaded.diagnostics.diagnostics) + "\n"
  }
}
