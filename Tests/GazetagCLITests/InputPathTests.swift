import Foundation
import Testing

/// Paths are taken as the file system has them: links to directories are followed, `.TXT` is
/// text, names that are not UTF-8 are opened by their bytes, and a name never reaches the
/// terminal or a TSV line with its control characters.
@Suite struct InputPathTests {
  typealias G = GazetagProcess

  /// A temporary directory holding files, named by their bytes, each with the text `रूस`.
  func workspace(_ names: [[UInt8]]) throws -> URL {
    let directory = try G.temporaryDirectory()
    for name in names {
      let path = Array(directory.path.utf8) + [UInt8(ascii: "/")] + name
      let parent = path[..<(path.lastIndex(of: UInt8(ascii: "/"))!)]
      try FileManager.default.createDirectory(
        atPath: String(decoding: parent, as: UTF8.self), withIntermediateDirectories: true)
      let descriptor = (path + [0]).withUnsafeBufferPointer {
        $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
      }
      try #require(descriptor >= 0)
      _ = Array("रूस".utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      close(descriptor)
    }
    return directory
  }

  func sources(_ stdout: String) throws -> [String] {
    try G.jsonLines(stdout).map { $0["source"] as? String ?? "?" }
  }

  @Test("a symbolic link to a directory is followed; links inside a directory are not descended")
  func linkToDirectory() throws {
    let directory = try workspace([Array("real/a.txt".utf8), Array("real/sub/c.txt".utf8)])
    defer { try? FileManager.default.removeItem(at: directory) }
    let fileManager = FileManager.default
    try fileManager.createSymbolicLink(
      atPath: directory.appendingPathComponent("link").path, withDestinationPath: "real")
    try fileManager.createSymbolicLink(
      atPath: directory.appendingPathComponent("real/sub/up").path, withDestinationPath: "..")
    for argument in ["link", "link/"] {
      let result = try G.run(["tag", argument], in: directory)
      #expect(result.status == 0, "\(argument)")
      #expect(result.stderr.isEmpty, "\(argument)")
      #expect(try sources(result.stdout) == ["link/a.txt", "link/sub/c.txt"], "\(argument)")
    }
    let page = try G.run(["html", "link"], in: directory)
    #expect(page.status == 0)
    #expect(page.stdout.contains("<bdi>link/sub/c.txt</bdi>"))
  }

  @Test("*.TXT and *.Txt are text files in a directory; output names drop .txt in any case")
  func extensionCase() throws {
    let directory = try workspace(
      ["docs/A.TXT", "docs/b.Txt", "docs/c.txt", "docs/d.txt.md", "docs/e.ttxt"].map {
        Array($0.utf8)
      })
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try G.run(["tag", "docs"], in: directory)
    #expect(result.status == 0)
    #expect(try sources(result.stdout) == ["docs/A.TXT", "docs/b.Txt", "docs/c.txt"])
    let written = try G.run(["tag", "docs", "--output-dir", "out"], in: directory)
    #expect(written.status == 0)
    #expect(
      try FileManager.default.contentsOfDirectory(
        atPath: directory.appendingPathComponent("out").path
      ).sorted() == ["A.jsonl", "b.jsonl", "c.jsonl"])
    let pages = try G.run(["html", "docs", "--output-dir", "html"], in: directory)
    #expect(pages.status == 0)
    #expect(
      try FileManager.default.contentsOfDirectory(
        atPath: directory.appendingPathComponent("html").path
      ).sorted() == ["A.html", "b.html", "c.html", "index.html"])
  }

  @Test("a file name that is not UTF-8 is opened by its bytes and shown with \\x{…}")
  func nonUTF8Name() throws {
    let directory = try workspace([Array("bad".utf8) + [0xFF] + Array(".txt".utf8)])
    defer { try? FileManager.default.removeItem(at: directory) }
    let expected = try G.spans(G.run(["tag"], input: "रूस").stdout)
    let named = try G.shell(#""$G" tag $'bad\xff.txt'"#, in: directory)
    #expect(named.status == 0)
    #expect(named.stderr.isEmpty)
    #expect(try sources(named.stdout) == [#"bad\x{FF}.txt"#])
    #expect(try G.spans(named.stdout) == expected)
    let walked = try G.run(["tag", "."], in: directory)
    #expect(walked.status == 0)
    #expect(try sources(walked.stdout) == [#"./bad\x{FF}.txt"#])
    #expect(try G.spans(walked.stdout) == expected)
    let tokens = try G.shell(#""$G" tokenize $'bad\xff.txt'"#, in: directory)
    #expect(tokens.status == 0)
    #expect(tokens.stdout == "0\t3\tword\tरूस\tरूस\n")
    let page = try G.shell(#""$G" html $'bad\xff.txt'"#, in: directory)
    #expect(page.status == 0)
    #expect(page.stdout.contains(#"<bdi>bad\x{FF}.txt</bdi>"#))
    let missing = try G.shell(#""$G" tag $'gone\xfe.txt' $'bad\xff.txt'"#, in: directory)
    #expect(missing.status == 1)
    #expect(missing.stderr == #"gazetag: gone\x{FE}.txt: no such file or directory"# + "\n")
    #expect(try sources(missing.stdout) == [#"bad\x{FF}.txt"#])
  }

  @Test("control characters in file names are escaped in messages and in the JSON and TSV source")
  func controlCharacters() throws {
    let red = "red\u{1B}[31m.txt"
    let tab = "a\tb\nc.txt"
    let directory = try workspace([Array(red.utf8), Array(tab.utf8)])
    defer { try? FileManager.default.removeItem(at: directory) }
    let json = try G.run(["tag", red, tab], in: directory)
    #expect(json.status == 0)
    #expect(try sources(json.stdout) == [#"red\u{1B}[31m.txt"#, #"a\u{9}b\u{A}c.txt"#])
    let tsv = try G.run(["tag", "--format", "tsv", red, tab], in: directory)
    #expect(tsv.status == 0)
    // The source as shown (a backslash that TSV escapes counts once), in one field per line.
    let fields = tsv.stdout.split(separator: "\n").map { $0.split(separator: "\t") }
    #expect(fields.map(\.count) == [6, 6])
    #expect(
      fields.map { $0[0].replacingOccurrences(of: #"\\"#, with: #"\"#) } == [
        #"red\u{1B}[31m.txt"#, #"a\u{9}b\u{A}c.txt"#,
      ])
    try Data([0xFF]).write(to: directory.appendingPathComponent(red))
    let messages = try G.run(["tag", red, "gone\u{1B}]0;title\u{7}.txt"], in: directory)
    #expect(messages.status == 1)
    #expect(
      messages.stderr == """
        gazetag: gone\\u{1B}]0;title\\u{7}.txt: no such file or directory
        gazetag: red\\u{1B}[31m.txt: byte 0: invalid UTF-8; convert the file to UTF-8 (e.g. with iconv) or pass --invalid replace

        """)
    for output in [json.stdoutBytes, tsv.stdoutBytes, Data(messages.stderr.utf8)] {
      #expect(!output.contains(0x1B) && !output.contains(0x07))
    }
  }
}
