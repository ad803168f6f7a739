import Foundation
import Testing

/// Runs the built `gazetag` executable, as a user would, and captures what it prints.
struct GazetagProcess {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutBytes: Data
  }

  /// The `gazetag` binary the test target was built with (it sits beside the test bundle).
  static let executable: URL = {
    if let override = ProcessInfo.processInfo.environment["GAZETAG_BINARY"] {
      return URL(fileURLWithPath: override)
    }
    var directory = Bundle.main.bundleURL
    for _ in 0..<3 {
      let candidate = directory.appendingPathComponent("gazetag")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory.deleteLastPathComponent()
    }
    fatalError("gazetag executable not found near \(Bundle.main.bundleURL.path)")
  }()

  /// The repository's root directory.
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The project's own news-like example text.
  static let exampleArticle = repositoryRoot.appendingPathComponent("Examples/korea-russia.txt")

  /// Runs `gazetag arguments…` with `input` on standard input, in `directory`.
  @discardableResult
  static func run(
    _ arguments: [String], input: Data = Data(), in directory: URL? = nil,
    executable: URL = executable
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    return try capture(process, input: input)
  }

  /// Runs `process` with `input` on standard input (`nil`: `/dev/null`) and returns what it
  /// printed. Standard streams go through files, so that large inputs and outputs cannot
  /// deadlock.
  static func capture(_ process: Process, input: Data?) throws -> Result {
    let scratch = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let inputURL = scratch.appendingPathComponent("stdin")
    let outputURL = scratch.appendingPathComponent("stdout")
    let errorURL = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    if let input {
      try input.write(to: inputURL)
      process.standardInput = try FileHandle(forReadingFrom: inputURL)
    } else {
      process.standardInput = FileHandle.nullDevice
    }
    process.standardOutput = try FileHandle(forWritingTo: outputURL)
    process.standardError = try FileHandle(forWritingTo: errorURL)
    try process.run()
    process.waitUntilExit()
    let outputData = try Data(contentsOf: outputURL)
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: outputData, as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self),
      stdoutBytes: outputData)
  }

  static func run(_ arguments: [String], input: String) throws -> Result {
    try run(arguments, input: Data(input.utf8))
  }

  /// A fresh temporary directory, removed by the caller.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("gazetag-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Parses JSON Lines output into objects.
  static func jsonLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }
}
