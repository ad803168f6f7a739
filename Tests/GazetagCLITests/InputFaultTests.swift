import Foundation
import Testing

/// Bad input never crashes the tool or loses data: each fault is one stderr line naming the
/// input and position, the other inputs are still tagged, and the exit status says so.
@Suite struct InputFaultTests {
  typealias G = GazetagProcess

  /// A temporary directory holding `files` (name → bytes).
  func workspace(_ files: [String: [UInt8]]) throws -> URL {
    let directory = try G.temporaryDirectory()
    for (name, bytes) in files {
      let url = directory.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    }
    return directory
  }

  func sources(_ stdout: String) throws -> [String] {
    try G.jsonLines(stdout).map { $0["source"] as? String ?? "?" }
  }

  @Test("invalid UTF-8 names the file and byte offset; the other inputs are tagged; exit 1")
  func invalidUTF8() throws {
    let directory = try workspace([
      "a.txt": Array("रूस".utf8), "bad.txt": Array("रूस ".utf8) + [0xE0, 0x41],
      "c.txt": Array("मॉस्को".utf8),
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try G.run(["tag", "a.txt", "bad.txt", "c.txt"], in: directory)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "gazetag: bad.txt: byte 10: invalid UTF-8; convert the file to UTF-8 (e.g. with iconv) or pass --invalid replace\n"
    )
    #expect(try sources(result.stdout) == ["a.txt", "c.txt"])
  }

  @Test("--invalid replace substitutes U+FFFD, warns and exits 0")
  func invalidReplace() throws {
    let result = try G.run(
      ["tag", "--invalid", "replace", "--format", "tsv"],
      input: Data([0xFF] + Array(" रूस".utf8)))
    #expect(result.status == 0)
    #expect(result.stderr == "gazetag: -: byte 0: warning: invalid UTF-8 replaced with U+FFFD\n")
    #expect(result.stdout == "-\t2\t5\tCOUNTRY\tरूस\tRU\n")
  }

  @Test("a binary file (NUL byte) is skipped with its offset")
  func binary() throws {
    let directory = try workspace([
      "docs/a.txt": Array("रूस".utf8), "docs/b.txt": [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01],
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try G.run(["tag", "docs"], in: directory)
    #expect(result.status == 1)
    #expect(result.stderr == "gazetag: docs/b.txt: byte 4: NUL byte, not a text file; skipped\n")
    #expect(try sources(result.stdout) == ["docs/a.txt"])
  }

  @Test("an unreadable input (a directory named .txt) is reported; the rest is tagged")
  func unreadable() throws {
    let directory = try workspace(["docs/a.txt": Array("रूस".utf8)])
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("docs/folder.txt"), withIntermediateDirectories: true)
    let result = try G.run(["tag", "docs/folder.txt/", "docs/a.txt"], in: directory)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("gazetag: docs/folder.txt/: no .txt files in this directory"))
    let direct = try G.run(["tag", "docs"], in: directory)
    #expect(direct.status == 1)
    #expect(direct.stderr == "gazetag: docs/folder.txt: cannot read: Is a directory\n")
    #expect(try sources(direct.stdout) == ["docs/a.txt"])
  }

  @Test("a directory without .txt files and a missing path are reported")
  func noTextFiles() throws {
    let directory = try workspace(["empty/notes.md": Array("x".utf8), "a.txt": Array("रूस".utf8)])
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try G.run(["tag", "empty", "gone.txt", "a.txt"], in: directory)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "gazetag: empty: no .txt files in this directory; name the files to tag explicitly\ngazetag: gone.txt: no such file or directory\n"
    )
    #expect(try sources(result.stdout) == ["a.txt"])
  }

  @Test("an empty file gives an empty spans list, not an error")
  func emptyFile() throws {
    let directory = try workspace(["empty.txt": []])
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try G.run(["tag", "empty.txt"], in: directory)
    #expect(result.status == 0)
    #expect(result.stdout == "{\"source\":\"empty.txt\",\"spans\":[]}\n")
  }

  @Test("a UTF-8 BOM is skipped: offsets count from after it")
  func byteOrderMark() throws {
    let result = try G.run(
      ["tag", "--format", "tsv", "--offsets", "utf8"],
      input: Data([0xEF, 0xBB, 0xBF] + Array("रूस".utf8)))
    #expect(result.status == 0)
    #expect(result.stdout == "-\t0\t9\tCOUNTRY\tरूस\tRU\n")
  }

  @Test("CRLF is kept and offsets index the original text")
  func crlf() throws {
    let text = "पहली पंक्ति\r\nकिम जोंग\r\nउन और रूस\r\n"
    let result = try G.run(["tag"], input: text)
    let spans = try #require(try G.jsonLines(result.stdout).first?["spans"] as? [[String: Any]])
    let scalars = Array(text.unicodeScalars)
    #expect(spans.count == 2)
    for span in spans {
      let range = (span["start"] as! Int)..<(span["end"] as! Int)
      #expect(String(String.UnicodeScalarView(scalars[range])) == span["text"] as? String)
    }
    #expect(spans.first?["text"] as? String == "किम जोंग\r\nउन")
  }

  @Test("-o is refused when it names an input; --output-dir never overwrites an input")
  func outputIsInput() throws {
    let directory = try workspace(["a.txt": Array("रूस".utf8)])
    defer { try? FileManager.default.removeItem(at: directory) }
    let refused = try G.run(["tag", "a.txt", "-o", "./a.txt"], in: directory)
    #expect(refused.status == 64)
    #expect(refused.stderr.contains("--output ./a.txt is also an input"))
    // A file found in an input directory, named differently or through a link, is an input too.
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("in"), withIntermediateDirectories: true)
    try Data("मॉस्को".utf8).write(to: directory.appendingPathComponent("in/b.txt"))
    try FileManager.default.createSymbolicLink(
      atPath: directory.appendingPathComponent("b-link.txt").path, withDestinationPath: "in/b.txt")
    for output in ["in/./b.txt", "b-link.txt"] {
      let inside = try G.run(["tag", "in", "-o", output], in: directory)
      #expect(inside.status == 64)
      #expect(inside.stderr.contains("--output \(output) is also an input"))
      #expect(
        try String(contentsOf: directory.appendingPathComponent("in/b.txt"), encoding: .utf8)
          == "मॉस्को")
    }
    let same = try G.run(["tag", "a.txt", "--format", "jsonl", "--output-dir", "."], in: directory)
    #expect(same.status == 0)
    #expect(
      try String(contentsOf: directory.appendingPathComponent("a.txt"), encoding: .utf8) == "रूस")
  }

  @Test("an unwritable -o is fatal (exit 2) and leaves no file behind")
  func unwritableOutput() throws {
    let directory = try workspace(["a.txt": Array("रूस".utf8)])
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try G.run(["tag", "a.txt", "-o", "missing/dir/out.jsonl"], in: directory)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("gazetag: missing/dir/out.jsonl: cannot create output: "))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a.txt"])
    // An -o that names a directory is refused, and the directory stays where it is.
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("out/inner"), withIntermediateDirectories: true)
    let onDirectory = try G.run(["tag", "a.txt", "-o", "out"], in: directory)
    #expect(onDirectory.status == 2)
    #expect(onDirectory.stderr.hasPrefix("gazetag: out: cannot write: "))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
        "a.txt", "out",
      ])
    #expect(
      try FileManager.default.contentsOfDirectory(
        atPath: directory.appendingPathComponent("out").path) == ["inner"])
  }

  @Test("output files appear whole, with no temporary files left, even when inputs fail")
  func atomicOutput() throws {
    let directory = try workspace(["a.txt": Array("रूस".utf8), "b.txt": [0x00]])
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try G.run(["tag", "a.txt", "b.txt", "-o", "out.jsonl"], in: directory)
    #expect(result.status == 1)
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(names == ["a.txt", "b.txt", "out.jsonl"])
    let out = try String(contentsOf: directory.appendingPathComponent("out.jsonl"), encoding: .utf8)
    #expect(try sources(out) == ["a.txt"])
    // Replacing the output of an earlier run leaves the new output and nothing else.
    let again = try G.run(["tag", "b.txt", "a.txt", "a.txt", "-o", "out.jsonl"], in: directory)
    #expect(again.status == 1)
    let names2 = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(names2 == ["a.txt", "b.txt", "out.jsonl"])
    let out2 = try String(
      contentsOf: directory.appendingPathComponent("out.jsonl"), encoding: .utf8)
    #expect(try sources(out2) == ["a.txt", "a.txt"])
  }

  @Test(
    "-o /dev/null writes to the device and leaves it a device; -o through a symlink keeps the link")
  func deviceAndLinkOutputs() throws {
    let directory = try workspace(["a.txt": Array("रूस".utf8), "data/keep": []])
    defer { try? FileManager.default.removeItem(at: directory) }
    let null = try G.run(["tag", "a.txt", "-o", "/dev/null"], in: directory)
    #expect(null.status == 0)
    #expect(null.stderr.isEmpty)
    let kind =
      try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
    #expect(kind == .typeCharacterSpecial)
    // A named pipe is written to, not replaced.
    let fifo = directory.appendingPathComponent("pipe").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let reader = Process()
    reader.executableURL = URL(fileURLWithPath: "/bin/cat")
    reader.arguments = [fifo]
    let received = Pipe()
    reader.standardOutput = received
    try reader.run()
    let piped = try G.run(["tag", "a.txt", "-o", "pipe"], in: directory)
    let text = String(decoding: received.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    reader.waitUntilExit()
    #expect(piped.status == 0)
    #expect(try sources(text) == ["a.txt"])
    var status = stat()
    #expect(stat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    // A symbolic link to a file: the file gets the output, the link stays a link.
    try FileManager.default.createSymbolicLink(
      atPath: directory.appendingPathComponent("link.jsonl").path,
      withDestinationPath: "data/out.jsonl")
    try Data().write(to: directory.appendingPathComponent("data/out.jsonl"))
    let linked = try G.run(["tag", "a.txt", "-o", "link.jsonl"], in: directory)
    #expect(linked.status == 0)
    #expect(
      try FileManager.default.destinationOfSymbolicLink(
        atPath: directory.appendingPathComponent("link.jsonl").path) == "data/out.jsonl")
    let out = try String(
      contentsOf: directory.appendingPathComponent("data/out.jsonl"), encoding: .utf8)
    #expect(try sources(out) == ["a.txt"])
    #expect(
      try FileManager.default.contentsOfDirectory(
        atPath: directory.appendingPathComponent("data").path
      )
      .sorted() == ["keep", "out.jsonl"])
  }

  @Test("a closed standard output ends the run quietly")
  func closedStdout() throws {
    let directory = try workspace([:])
    defer { try? FileManager.default.removeItem(at: directory) }
    let lines = String(repeating: "{\"text\": \"किम जोंग उन और रूस\"}\n", count: 50_000)
    try lines.write(
      to: directory.appendingPathComponent("in.jsonl"), atomically: true, encoding: .utf8)
    let status = try G.shell(
      "\"$G\" tag --input jsonl in.jsonl 2>err.txt | head -1 >/dev/null; echo ${PIPESTATUS[0]}",
      in: directory
    ).stdout
    #expect(status == "0\n")
    #expect(
      try String(contentsOf: directory.appendingPathComponent("err.txt"), encoding: .utf8) == "")
  }

  @Test("a gazetteer file with invalid UTF-8 is named with its line")
  func gazetteerEncoding() throws {
    let directory = try workspace([
      "g/manifest.json": Array(
        #"{"format": 1, "labels": [{"name": "X"}], "files": [{"path": "x.tsv", "label": "X"}]}"#
          .utf8),
      "g/x.tsv": Array("id\tname\na\tक\nb\t".utf8) + [0xC3, 0x28] + [0x0A],
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try G.run(["tag", "--gazetteer", "g"], input: Data(), in: directory)
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "gazetag: g/x.tsv:3: invalid UTF-8 at byte 16 of the file; save the file as UTF-8\n")
  }

  @Test("--input jsonl passes a bad line through byte for byte and names it")
  func badRecordPassThrough() throws {
    let input: [UInt8] =
      Array("{\"text\": \"रूस\"}\n".utf8) + [0x7B, 0xFF, 0x7D, 0x0A] + Array("not json\n".utf8)
    let result = try G.run(["tag", "--input", "jsonl"], input: Data(input))
    #expect(result.status == 1)
    let lines = result.stdoutBytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    #expect(lines.count == 4)
    #expect(Array(lines[1]) == [0x7B, 0xFF, 0x7D])
    #expect(Array(lines[2]) == Array("not json".utf8))
    #expect(
      result.stderr
        == "gazetag: -:2: byte 1 of the line: invalid UTF-8; passed through untagged\ngazetag: -:3: not a JSON object\n"
    )
  }
}
