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
      let missing = try G.shell("exec \"$G\" tag missing.txt \(redirection)", in: directory)
      #expect(missing.status == 1, "\(redirection)")
      let bad = try G.shell("exec \"$G\" tag bad.txt good.txt \(redirection)", in: directory)
      #expect(bad.status == 1, "\(redirection)")
      #expect(try sources(bad.stdout) == ["good.txt"], "\(redirection)")
    }
  }

  @Test("with standard error closed, -o's file never receives a diagnostic")
  func closedStandardErrorAndOutputFile() throws {
    let directory = try workspace(["good.txt": "रूस", "bad.txt": "\0"])
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try G.shell(
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
    let input = try G.shell("\"$G\" tag <&- 2>err.txt; echo $?", in: directory)
    #expect(input.stdout == "1\n")
    #expect(try text(directory, "err.txt") == "gazetag: -: cannot read: Bad file descriptor\n")
    let output = try G.shell("\"$G\" tag good.txt >&- 2>err.txt; echo $? >status", in: directory)
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

  // MARK: - Signals

  /// Starts `gazetag arguments…` with standard input from a new pipe and no other output, as
  /// a shell would: no signal blocked or ignored (a `Process` child inherits blocked signals).
  /// - Returns: the process and the pipe's writing end.
  func spawn(_ arguments: [String]) throws -> (process: pid_t, input: Int32) {
    var pipeEnds: [Int32] = [0, 0]
    try #require(pipe(&pipeEnds) == 0)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
    posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
    posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var signals = sigset_t()
    sigemptyset(&signals)
    posix_spawnattr_setsigmask(&attributes, &signals)
    for number in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, number) }
    posix_spawnattr_setsigdefault(&attributes, &signals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv = ([G.executable.path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var process: pid_t = 0
    let spawned = posix_spawn(&process, G.executable.path, &actions, &attributes, argv, environ)
    close(pipeEnds[0])
    try #require(spawned == 0)
    return (process, pipeEnds[1])
  }

  @Test(
    "SIGINT, SIGTERM and SIGHUP remove the temporary output and keep the old one",
    arguments: [SIGINT, SIGTERM, SIGHUP], [false, true])
  func signalRemovesTemporaryFile(signal: Int32, outputDirectory: Bool) throws {
    let target = outputDirectory ? "out/stdin.jsonl" : "out/all.jsonl"
    let directory = try workspace([target: "old\n"])
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("out")
    // Standard input stays open, so the run waits for more text with its output unfinished.
    let (process, input) = try spawn(
      ["tag", "-", "--jobs", "1"]
        + (outputDirectory
          ? ["--output-dir", out.path] : ["-o", out.appendingPathComponent("all.jsonl").path]))
    var inputOpen = true
    defer { if inputOpen { close(input) } }
    let line = Array("किम जोंग उन ने रूस से कहा\n".utf8)
    #expect(write(input, line, line.count) == line.count)
    func temporaryFiles() throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }
    }
    var status: Int32 = 0
    var waited = 0
    while try temporaryFiles().isEmpty && waited < 6000 {
      usleep(10_000)
      waited += 1
    }
    #expect(try temporaryFiles().count == 1)
    kill(process, signal)
    // A process that ignored the signal ends when its input does.
    waited = 0
    while waitpid(process, &status, WNOHANG) == 0 {
      usleep(10_000)
      waited += 1
      if waited == 3000 {
        close(input)
        inputOpen = false
      }
    }
    // Killed by the signal: the low seven bits of the wait status name it.
    #expect(status & 0x7F == signal)
    #expect(try temporaryFiles() == [])
    #expect(try text(directory, target) == "old\n")
  }

  // MARK: - Permissions

  @Test("a new output has mode 0666 less the umask; a replaced output keeps its mode")
  func outputModes() throws {
    let directory = try workspace(["x.txt": "रूस"])
    defer { try? FileManager.default.removeItem(at: directory) }
    let restricted = try G.shell(
      "umask 077; \"$G\" tag x.txt -o o.jsonl && \"$G\" html x.txt --output-dir pages"
        + " && \"$G\" tag x.txt --output-dir out",
      in: directory)
    #expect(restricted.status == 0)
    #expect(try mode(directory, "o.jsonl") == 0o600)
    #expect(try mode(directory, "pages/x.html") == 0o600)
    #expect(try mode(directory, "pages/index.html") == 0o600)
    #expect(try mode(directory, "out/x.jsonl") == 0o600)
    let open = try G.shell("umask 002; exec \"$G\" tag x.txt -o shared.jsonl", in: directory)
    #expect(open.status == 0)
    #expect(try mode(directory, "shared.jsonl") == 0o664)
    // Replacing keeps the old file's mode, whatever the umask.
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o640], ofItemAtPath: directory.appendingPathComponent("o.jsonl").path)
    let replaced = try G.shell("umask 022; exec \"$G\" tag x.txt -o o.jsonl", in: directory)
    #expect(replaced.status == 0)
    #expect(try mode(directory, "o.jsonl") == 0o640)
  }
}
