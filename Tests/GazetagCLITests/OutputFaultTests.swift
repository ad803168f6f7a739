import Foundation
import Testing

/// Outputs are never lost in everyday scripting: diagnostics that cannot be written never end
/// the run or land in an output, inputs of the same name keep their own files, a signal leaves
/// no temporary file, and output files get the permissions a user expects.
@Suite struct OutputFaultTests {
  typealias G = GazetagProcess

  /// A temporary directory holding `files` (name → text).
  func workspace(_ files: [String: String]) throws -> URL {
    let directory = try G.temporaryDirectory()
    for (name, text) in files {
      let url = directory.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return directory
  }

  /// Runs `script` with `/bin/sh` in `directory`, where `"$G"` is the gazetag binary, and
  /// returns its exit status and standard output.
  func shell(_ script: String, in directory: URL) throws -> (status: Int32, stdout: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    process.environment = ["G": G.executable.path, "PATH": "/usr/bin:/bin"]
    process.currentDirectoryURL = directory
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
  }

  func text(_ directory: URL, _ name: String) throws -> String {
    try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
  }

  func sources(_ jsonl: String) throws -> [String] {
    try G.jsonLines(jsonl).map { $0["source"] as? String ?? "?" }
  }

  /// The permission bits of the file at `name`.
  func mode(_ directory: URL, _ name: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(
      atPath: directory.appendingPathComponent(name).path)
    return try #require(attributes[.posixPermissions] as? Int)
  }

  // MARK: - Diagnostics

  @Test("a closed or full standard error drops the diagnostics; the run goes on with exit 1")
  func unwritableStandardError() throws {
    let directory = try workspace(["good.txt": "रूस", "bad.txt": "\0"])
    defer { try? FileManager.default.removeItem(at: directory) }
    for redirection in ["2>&-", "2>/dev/full"] {
      let missing = try shell("exec \"$G\" tag missing.txt \(redirection)", in: directory)
      #expect(missing.status == 1, "\(redirection)")
      let bad = try shell("exec \"$G\" tag bad.txt good.txt \(redirection)", in: directory)
      #expect(bad.status == 1, "\(redirection)")
      #expect(try sources(bad.stdout) == ["good.txt"], "\(redirection)")
    }
  }

  @Test("with standard error closed, -o's file never receives a diagnostic")
  func closedStandardErrorAndOutputFile() throws {
    let directory = try workspace(["good.txt": "रूस", "bad.txt": "\0"])
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try shell(
      "exec \"$G\" tag bad.txt good.txt -o out.jsonl 2>&-", in: directory)
    #expect(result.status == 1)
    #expect(try text(directory, "out.jsonl").hasPrefix("{\"source\":\"good.txt\""))
    #expect(try sources(try text(directory, "out.jsonl")) == ["good.txt"])
  }

  @Test("a standard error whose reader has gone (`2>&1 | grep -m1`) does not end the run")
  func standardErrorReaderGone() throws {
    var files = ["good.txt": "रूस"]
    for index in 0..<20 { files["bad\(index).txt"] = "\0" }
    let directory = try workspace(files)
    defer { try? FileManager.default.removeItem(at: directory) }
    // A pipe without a reader fails every write with EPIPE, as after `grep -m1` has exited.
    let errors = Pipe()
    try errors.fileHandleForReading.close()
    let output = Pipe()
    let process = Process()
    process.executableURL = G.executable
    process.arguments = ["tag"] + files.keys.sorted()
    process.currentDirectoryURL = directory
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    try errors.fileHandleForWriting.close()
    let stdout = String(
      decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 1)
    #expect(try sources(stdout) == ["good.txt"])
  }

  @Test("a closed standard input or output still fails as closed (EBADF), exit 1 or 2")
  func closedStandardStreams() throws {
    let directory = try workspace(["good.txt": "रूस"])
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = try shell("\"$G\" tag <&- 2>err.txt; echo $?", in: directory)
    #expect(input.stdout == "1\n")
    #expect(try text(directory, "err.txt") == "gazetag: -: cannot read: Bad file descriptor\n")
    let output = try shell("\"$G\" tag good.txt >&- 2>err.txt; echo $? >status", in: directory)
    #expect(output.status == 0)
    #expect(try text(directory, "status") == "2\n")
    #expect(
      try text(directory, "err.txt") == "gazetag: stdout: cannot write: Bad file descriptor\n")
  }

  // MARK: - Names under --output-dir

  @Test("--output-dir gives inputs of the same name their own files: x.jsonl, x-2.jsonl")
  func sameNamesUnderOutputDirectory() throws {
    let directory = try workspace(["a/x.txt": "रूस", "b/x.txt": "मॉस्को", "c/x-2.txt": "रूसी"])
    defer { try? FileManager.default.removeItem(at: directory) }
    let named = try G.run(["tag", "a/x.txt", "b/x.txt", "--output-dir", "out"], in: directory)
    #expect(named.status == 0)
    #expect(
      try FileManager.default.contentsOfDirectory(
        atPath: directory.appendingPathComponent("out").path
      ).sorted() == ["x-2.jsonl", "x.jsonl"])
    #expect(try sources(try text(directory, "out/x.jsonl")) == ["a/x.txt"])
    #expect(try sources(try text(directory, "out/x-2.jsonl")) == ["b/x.txt"])
    // Directories as arguments, an input whose own name is taken, and another format.
    let found = try G.run(
      ["tag", "a", "b", "c", "--format", "tsv", "--output-dir", "out2"], in: directory)
    #expect(found.status == 0)
    #expect(
      try FileManager.default.contentsOfDirectory(
        atPath: directory.appendingPathComponent("out2").path
      ).sorted() == ["x-2-2.tsv", "x-2.tsv", "x.tsv"])
    #expect(try text(directory, "out2/x-2.tsv").hasPrefix("b/x.txt\t"))
    #expect(try text(directory, "out2/x-2-2.tsv").hasPrefix("c/x-2.txt\t"))
  }
}
