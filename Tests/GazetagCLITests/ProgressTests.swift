import Foundation
import Testing

/// `--progress`: a line of counts on standard error, rewritten with `\r` and cleared at the
/// end; standard output is the same with it or without; by default none where standard error
/// is not a terminal.
@Suite struct ProgressTests {
  typealias G = GazetagProcess

  func workspace() throws -> URL {
    let directory = try G.temporaryDirectory()
    let article = try G.hindiNewsBytes()
    for name in ["a.txt", "b.txt", "c.txt"] {
      try article.write(to: directory.appendingPathComponent(name))
    }
    let record = try JSONSerialization.data(
      withJSONObject: ["text": String(decoding: article, as: UTF8.self)])
    try Data((0..<50).flatMap { _ in record + [0x0A] }).write(
      to: directory.appendingPathComponent("records.jsonl"))
    return directory
  }

  @Test(
    "forced, the line is drawn and cleared on standard error; standard output is unchanged",
    arguments: [
      ["a.txt", "b.txt", "c.txt"], ["--jobs", "1", "--chunk-size", "1000", "a.txt", "b.txt"],
      ["--input", "jsonl", "records.jsonl"],
    ])
  func forced(arguments: [String]) throws {
    let directory = try workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    let plain = try G.run(["tag"] + arguments, in: directory)
    let shown = try G.run(["tag", "--progress"] + arguments, in: directory)
    #expect(plain.status == 0 && shown.status == 0)
    #expect(plain.stderr == "")
    #expect(shown.stdoutBytes == plain.stdoutBytes)
    let drawings = shown.stderr.split(separator: "\r", omittingEmptySubsequences: false)
    let total = arguments.contains("records.jsonl") ? 1 : arguments.count { $0.hasSuffix(".txt") }
    #expect(drawings.first == "")
    #expect(drawings.dropFirst().first?.hasPrefix("gazetag: 0/\(total) files, 0.0/") == true)
    // Cleared: the last drawing is blanked with spaces and the cursor is back at the start.
    #expect(drawings.last == "")
    #expect(drawings.dropLast().last?.allSatisfy { $0 == " " } == true)
  }

  @Test("a message clears the line first and stays whole")
  func messageClearsLine() throws {
    let directory = try workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data([0x41, 0xFF, 0x0A]).write(to: directory.appendingPathComponent("bad.txt"))
    let result = try G.run(["tag", "--progress", "a.txt", "bad.txt", "b.txt"], in: directory)
    #expect(result.status == 1)
    let message = "gazetag: bad.txt: byte 1: "
    let before = try #require(result.stderr.range(of: message)).lowerBound
    #expect(result.stderr[..<before].hasSuffix("\r"))
    #expect(result.stderr[before...].prefix { $0 != "\n" }.contains("\r") == false)
  }

  @Test(
    "by default, none where standard error is not a terminal",
    arguments: [
      ["a.txt", "b.txt", "c.txt"], ["--input", "jsonl", "records.jsonl", "records.jsonl"],
    ])
  func offInPipes(arguments: [String]) throws {
    let directory = try workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try G.run(["tag"] + arguments, in: directory)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(try G.run(["tag", "--no-progress"] + arguments, in: directory).stderr == "")
  }
}
