import Foundation
import Testing

@Suite struct TokenizeCommandTests {
  typealias G = GazetagProcess

  @Test("tokenize prints offsets, kinds, visible text and keys")
  func tokenize() throws {
    let result = try G.run(["tokenize"], input: "मॉस्को\u{00A0}ह्वासोंग-११")
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        0\t6\tword\tमॉस्को\tमास्को
        6\t7\twhitespace\t\\u{A0}\t
        7\t15\tword\tह्वासोंग\tह्वासोंग
        15\t16\tpunctuation\t-\t
        16\t18\tnumber\t११\t11

        """)
  }

  @Test("tokenize --fold exact keeps the spelling")
  func exact() throws {
    let result = try G.run(["tokenize", "--fold", "exact"], input: "मॉस्को-")
    #expect(result.stdout == "0\t6\tword\tमॉस्को\tमॉस्को\n6\t7\tpunctuation\t-\t-\n")
  }

  @Test("usage errors exit 64")
  func usage() throws {
    let result = try G.run(["tag", "--offsets", "bytes"], input: "")
    #expect(result.status == 64)
    #expect(result.stderr.contains("bytes"))
  }
}

/// `tokenize` reads its inputs as `tag` does: several paths, directories, `--invalid`, and the
/// same messages for inputs it cannot read.
@Suite struct TokenizeInputTests {
  typealias G = GazetagProcess

  @Test("several paths and a directory: each token line is led by its input's path")
  func severalPaths() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("news"), withIntermediateDirectories: true)
    try "रूस".write(
      to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try "मॉस्को".write(
      to: directory.appendingPathComponent("news/b.txt"), atomically: true, encoding: .utf8)
    let result = try G.run(["tokenize", "a.txt", "news"], in: directory)
    #expect(result.status == 0)
    #expect(result.stdout == "a.txt\t0\t3\tword\tरूस\tरूस\nnews/b.txt\t0\t6\tword\tमॉस्को\tमास्को\n")
    let single = try G.run(["tokenize", "a.txt"], in: directory)
    #expect(single.stdout == "0\t3\tword\tरूस\tरूस\n")
  }

  @Test("inputs that cannot be read are reported in tag's words; the others are tokenized")
  func faults() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try "रूस".write(
      to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try Data([0x72, 0xFF, 0x73]).write(to: directory.appendingPathComponent("bad.txt"))
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("empty"), withIntermediateDirectories: true)
    let arguments = ["missing.txt", "bad.txt", "empty", "a.txt"]
    let tokenized = try G.run(["tokenize"] + arguments, in: directory)
    let tagged = try G.run(["tag"] + arguments, in: directory)
    #expect(tokenized.status == 1)
    #expect(tokenized.stderr == tagged.stderr)
    #expect(
      tokenized.stderr == """
        gazetag: missing.txt: no such file or directory
        gazetag: empty: no .txt files in this directory; name the files to tag explicitly
        gazetag: bad.txt: byte 1: invalid UTF-8; convert the file to UTF-8 (e.g. with iconv) or pass --invalid replace

        """)
    #expect(tokenized.stdout == "a.txt\t0\t3\tword\tरूस\tरूस\n")
  }

  @Test("--invalid replace tokenizes U+FFFD and warns, as tag does")
  func invalidReplace() throws {
    let result = try G.run(
      ["tokenize", "--invalid", "replace"], input: Data([0xE0, 0xA4, 0x95, 0xFF]))
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("0\t1\tword\tक\tक\n"))
    #expect(result.stdout.contains("\u{FFFD}"))
    #expect(result.stderr == "gazetag: -: byte 3: warning: invalid UTF-8 replaced with U+FFFD\n")
  }
}
