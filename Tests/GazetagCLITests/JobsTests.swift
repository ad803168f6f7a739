import Foundation
import Testing

/// `--jobs N` changes speed, never output: the same bytes, in the same order, as `--jobs 1`.
@Suite struct JobsTests {
  typealias G = GazetagProcess

  /// Deterministic text with names at every distance from the places where pieces are cut.
  static func text(lines: Int, seed: Int) -> String {
    let words = ["सरकार", "ने", "कहा", "कि", "बैठक", "में", "और", "के", "साथ", "।", "॥", "-"]
    let names = ["किम जोंग उन", "किम\u{00A0}जोंग\nउन", "रूस", "रूसी", "उत्तर कोरिया", "ह्वासोंग-११", "मॉस्को", "डोनबास"]
    var text = ""
    var state = seed
    for _ in 0..<lines {
      for _ in 0..<12 {
        state = (state &* 1_103_515_245 &+ 12345) & 0x7FFF_FFFF
        text += state % 5 == 0 ? names[state / 5 % names.count] : words[state % words.count]
        text += state % 7 == 0 ? "  " : " "
      }
      text += "\n"
    }
    return text
  }

  @Test("many files: --jobs 2 writes exactly what --jobs 1 writes")
  func manyFiles() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for index in 0..<24 {
      try Self.text(lines: 40 + index, seed: index).write(
        to: directory.appendingPathComponent(String(format: "doc%02d.txt", index)),
        atomically: true, encoding: .utf8)
    }
    let one = try G.run(["tag", "--jobs", "1", "."], in: directory)
    let two = try G.run(["tag", "--jobs", "2", "."], in: directory)
    #expect(one.status == 0 && two.status == 0)
    #expect(try G.jsonLines(one.stdout).count == 24)
    #expect(one.stdoutBytes == two.stdoutBytes)
  }

  @Test("one large file and standard input: pieces tagged in parallel give the whole-file spans")
  func largeFile() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // About 250 KB, streamed in 4 KB chunks and cut into pieces as a file of gigabytes would be.
    let text = Self.text(lines: 3_000, seed: 7)
    let file = directory.appendingPathComponent("large.txt")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let whole = try G.run(["tag", "--jobs", "1", "--format", "tsv", "large.txt"], in: directory)
    let one = try G.run(
      ["tag", "--jobs", "1", "--chunk-size", "4096", "--format", "tsv", "large.txt"], in: directory)
    let three = try G.run(
      ["tag", "--jobs", "3", "--chunk-size", "4096", "--format", "tsv", "large.txt"], in: directory)
    #expect(whole.status == 0)
    #expect(whole.stdout.split(separator: "\n").count > 1_000)
    #expect(one.stdoutBytes == whole.stdoutBytes)
    #expect(three.stdoutBytes == whole.stdoutBytes)
    let piped = try G.run(
      ["tag", "--jobs", "2", "--chunk-size", "4096", "--format", "tsv"], input: Data(text.utf8))
    #expect(piped.stdout == whole.stdout.replacingOccurrences(of: "large.txt\t", with: "-\t"))
  }
}
