import Foundation

extension GazetagProcess {
  /// Runs `script` with bash in `directory`, with `$G` naming the `gazetag` executable: for
  /// what `Process` cannot express, such as `<(…)`, pipelines and file names that are not UTF-8
  /// (written with bash's `$'\xFF'`).
  static func shell(_ script: String, in directory: URL) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["G"] = executable.path
    process.environment = environment
    return try capture(process, input: nil)
  }

  /// The bytes of the repository's example article, `Examples/hindi-news.txt`.
  static func hindiNewsBytes() throws -> Data {
    try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/hindi-news.txt"))
  }

  /// The `spans` of each JSON Lines object in `text`, for comparing outputs whose `source`
  /// differs.
  static func spans(_ text: String) throws -> [NSArray] {
    try jsonLines(text).map { ($0["spans"] as? [Any] ?? []) as NSArray }
  }
}
