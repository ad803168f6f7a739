import ArgumentParser
import Foundation

/// Where output goes: standard output, one file, or one file per input in a directory.
struct OutputOptions: ParsableArguments {
  @Option(name: [.short, .customLong("output")], help: "Write all output to this file.")
  var output: String?

  @Option(
    help: "Write one output file per input (for HTML, and an index.html) into this directory.")
  var outputDir: String?

  /// Refuses both destinations at once, and an output file that is one of `paths` (the same
  /// path, or another name of the same file).
  func validate(inputs paths: [String]) throws {
    if output != nil && outputDir != nil {
      throw ValidationError("give either --output or --output-dir, not both")
    }
    let inputs = Set(paths.filter { $0 != "-" }.map(Self.canonical))
    // By path, and by device and inode (a hard link): a usage error here shows the
    // subcommand's usage, where one found while writing would show the top-level one.
    let files = Set(paths.filter { $0 != "-" }.compactMap(FileIdentity.init(path:)))
    if let output,
      inputs.contains(Self.canonical(output))
        || FileIdentity(path: output).map(files.contains) == true
    {
      throw ValidationError("--output \(output) is also an input; choose another output path")
    }
  }

  /// `path` made absolute, with `.`, `..` and symbolic links resolved, for comparing paths.
  static func canonical(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
