import Foundation
import Testing

/// Every input is read once, and what is tagged is what was read: files, pipes given as paths
/// (`<(…)`, `/dev/stdin`, named pipes) and inputs that change while they are read.
@Suite struct InputReadingTests {
  typealias G = GazetagProcess

  /// A temporary directory holding the example article as `news.txt`.
  func workspace() throws -> URL {
    let directory = try G.temporaryDirectory()
    try G.hindiNewsBytes().write(to: directory.appendingPathComponent("news.txt"))
    return directory
  }

  @Test("a pipe given as a path (<(…), /dev/stdin, a named pipe) gives standard input's spans")
  func pipesAsPaths() throws {
    let directory = try workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    let expected = try G.spans(G.run(["tag"], input: G.hindiNewsBytes()).stdout)
    #expect(expected.count == 1 && expected[0].count > 5)
    let scripts = [
      #""$G" tag <(cat news.txt)"#,
      #"cat news.txt | "$G" tag /dev/stdin"#,
      // A named pipe must be opened once: a second open would wait for a writer for ever (the
      // test process blocks SIGTERM for its children, so the time limit kills).
      #"mkfifo fifo && { cat news.txt > fifo & } && timeout -s KILL 30 "$G" tag fifo"#,
      #"cat news.txt | "$G" tag --jobs 1 --chunk-size 64 /dev/stdin"#,
    ]
    for script in scripts {
      let result = try G.shell(script, in: directory)
      #expect(result.status == 0, "\(script)")
      #expect(result.stderr.isEmpty, "\(script)")
      #expect(try G.spans(result.stdout) == expected, "\(script)")
      try? FileManager.default.removeItem(at: directory.appendingPathComponent("fifo"))
    }
  }

  @Test(
    "an input that changes after it was read is tagged as it was read: a named pipe written twice",
    .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd")))
  func changedAfterReading() throws {
    let directory = try workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    let article = try G.hindiNewsBytes()
    let expected = try G.spans(G.run(["tag"], input: article).stdout)
    let fifo = directory.appendingPathComponent("growing").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let output = directory.appendingPathComponent("out.jsonl")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    let process = Process()
    process.executableURL = G.executable
    process.arguments = ["tag", "growing"]
    process.currentDirectoryURL = directory
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = FileHandle.nullDevice
    try process.run()
    // The first content, once gazetag opens the pipe.
    try #require(Self.write(Array(article), to: fifo, while: process))
    // Wait until gazetag has closed the pipe: a reader that opens it from now on is gazetag
    // reading it again, which would get a longer text that ends inside a character.
    let resolved = URL(fileURLWithPath: fifo).resolvingSymlinksInPath().path
    while process.isRunning && Self.holdsOpen(process.processIdentifier, resolved) {
      usleep(1000)
    }
    let readAgain = Self.write(Array(article) + Array(article) + [0xE0], to: fifo, while: process)
    process.waitUntilExit()
    #expect(!readAgain)
    #expect(process.terminationStatus == 0)
    #expect(try G.spans(String(decoding: Data(contentsOf: output), as: UTF8.self)) == expected)
  }

  @Test("a large file is read once: a bad end leaves no output; long output is held whole")
  func largeFileHeldUntilRead() throws {
    let directory = try workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    let article = try G.hindiNewsBytes()
    // 130 KB, streamed in 4 KB chunks; its 170 KB of output is held in a temporary file.
    let large = Data(Array(repeating: article, count: 200).joined())
    try large.write(to: directory.appendingPathComponent("large.txt"))
    try (large + [0xE0]).write(to: directory.appendingPathComponent("bad.txt"))
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("tmp"), withIntermediateDirectories: true)
    let result = try G.shell(
      #"TMPDIR="$PWD/tmp" "$G" tag --chunk-size 4096 news.txt bad.txt large.txt"#, in: directory)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "gazetag: bad.txt: byte \(large.count): invalid UTF-8; convert the file to UTF-8 (e.g. with iconv) or pass --invalid replace\n"
    )
    let objects = try G.jsonLines(result.stdout)
    #expect(objects.map { $0["source"] as? String } == ["news.txt", "large.txt"])
    let piped = try G.run(["tag", "--chunk-size", "4096"], input: large)
    #expect(try G.spans(piped.stdout) == G.spans(result.stdout).suffix(1))
    #expect(piped.stdout.utf8.count > 160_000)
    #expect(
      try FileManager.default.contentsOfDirectory(
        atPath: directory.appendingPathComponent("tmp").path
      ).isEmpty)
  }

  /// Writes `bytes` to the named pipe at `path` as soon as a reader has it open, unless
  /// `process` ends first.
  /// - Returns: whether the bytes were written.
  static func write(_ bytes: [UInt8], to path: String, while process: Process) -> Bool {
    var descriptor: Int32 = -1
    while descriptor < 0 {
      guard process.isRunning else { return false }
      // Without a reader, a non-blocking open fails (ENXIO) instead of waiting. Close on exec,
      // or a process that a test running meanwhile starts would keep the pipe open.
      descriptor = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
      if descriptor < 0 { usleep(1000) }
    }
    defer { close(descriptor) }
    _ = fcntl(descriptor, F_SETFL, 0)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes {
        Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset)
      }
      if written <= 0 { return false }
      offset += written
    }
    // Close only once the reader has taken every byte: it then has the pipe open, as its
    // descriptors in /proc show, until it has read the end.
    var unread: Int32 = 1
    while unread > 0 && process.isRunning && ioctl(descriptor, UInt(FIONREAD), &unread) == 0 {
      usleep(1000)
    }
    return true
  }

  /// Whether process `pid` has a descriptor open on the file at `path` (an absolute path).
  static func holdsOpen(_ pid: Int32, _ path: String) -> Bool {
    let directory = "/proc/\(pid)/fd"
    let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return descriptors.contains {
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(directory)/\($0)")) == path
    }
  }
}
