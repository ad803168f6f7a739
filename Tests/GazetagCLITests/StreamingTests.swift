import Foundation
import Testing

/// Streaming cuts a text without white space at its punctuation, and the output stays that of
/// tagging the text whole.
@Suite struct StreamingTests {
  typealias G = GazetagProcess

  @Test("a file and standard input without white space: streamed spans equal whole-file spans")
  func withoutWhiteSpace() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // About 250 KB in one line: white space dropped or turned into hyphens, which names may
    // contain (किम-जोंग-उन matches किम जोंग उन).
    var glue = false
    let text = String(
      JobsTests.text(lines: 3_000, seed: 9).flatMap { character -> [Character] in
        guard character.isWhitespace else { return [character] }
        glue.toggle()
        return glue ? ["-"] : []
      })
    #expect(!text.contains { $0.isWhitespace })
    try text.write(
      to: directory.appendingPathComponent("glued.txt"), atomically: true, encoding: .utf8)
    let whole = try G.run(["tag", "--jobs", "1", "--format", "tsv", "glued.txt"], in: directory)
    let streamed = try G.run(
      ["tag", "--jobs", "2", "--chunk-size", "4096", "--format", "tsv", "glued.txt"],
      in: directory)
    let piped = try G.run(
      ["tag", "--jobs", "1", "--chunk-size", "4096", "--format", "tsv"], input: Data(text.utf8))
    #expect(whole.status == 0 && streamed.status == 0 && piped.status == 0)
    #expect(whole.stdout.split(separator: "\n").count > 500)
    #expect(streamed.stdoutBytes == whole.stdoutBytes)
    #expect(piped.stdout == whole.stdout.replacingOccurrences(of: "glued.txt\t", with: "-\t"))
  }

  @Test("blank lines split names alike whole, streamed in pieces, under --jobs 2 and piped")
  func paragraphBoundaries() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // About 300 KB: the name broken by one line break (which joins) and by blank lines of
    // every kind (which split), so that cuts fall between the line breaks of a blank line.
    let breaks = ["\n", "\r\n", "\n\n", "\r\n\r\n", "\n \t\n", "\r\r", "\u{2029}", "\u{2028}"]
    var text = ""
    for index in 0..<4_000 {
      text += "रूस में किम जोंग\(breaks[index % breaks.count])उन ने कहा।"
      text += index % 7 == 0 ? "\n\n" : " "
    }
    try text.write(
      to: directory.appendingPathComponent("paragraphs.txt"), atomically: true, encoding: .utf8)
    let whole = try G.run(
      ["tag", "--jobs", "1", "--format", "tsv", "paragraphs.txt"], in: directory)
    let streamed = try G.run(
      ["tag", "--jobs", "2", "--chunk-size", "4096", "--format", "tsv", "paragraphs.txt"],
      in: directory)
    let piped = try G.run(
      ["tag", "--jobs", "1", "--chunk-size", "4096", "--format", "tsv"], input: Data(text.utf8))
    #expect(whole.status == 0 && streamed.status == 0 && piped.status == 0)
    let people = whole.stdout.split(separator: "\n").filter { $0.contains("\tPERSON\t") }
    // Three kinds of break of the eight join: one LF, one CR LF, one U+2028.
    #expect(people.count == 4_000 * 3 / 8)
    #expect(streamed.stdoutBytes == whole.stdoutBytes)
    #expect(
      piped.stdout == whole.stdout.replacingOccurrences(of: "paragraphs.txt\t", with: "-\t"))
  }
}
