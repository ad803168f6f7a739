import ArgumentParser
import Foundation

/// Where output goes: standard output, one file, or one file per input in a directory.
struct OutputOptions: ParsableArguments {
  @Option(name: [.short, .customLong("output")], help: "Write all output to this file.")
  var output: String?

  @Option(
    help: "Write one output file per input (for HTML, and an index.html) into this directory.")
  var outputDir: String?

  /// Refuses both destinations at once, and an output file that is one of `paths`.
  func validate(inputs paths: [String]) throws {
    if output != nil && outputDir != nil {
      throw ValidationError("give either --output or --output-dir, not both")
    }
    let inputs = Set(paths.filter { $0 != "-" }.map(Self.canonical))
    if let output, inputs.contains(Self.canonical(output)) {
      throw ValidationError("--output \(output) is also an input; choose another output path")
    }
  }

  /// `path` made absolute, with `.`, `..` and symbolic links resolved, for comparing paths.
  static func canonical(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
