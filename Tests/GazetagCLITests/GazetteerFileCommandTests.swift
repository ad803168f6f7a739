import Foundation
import Testing

/// Gazetteer files as editors and scripts leave them, end to end through `gazetag`.
@Suite struct GazetteerFileCommandTests {
  typealias G = GazetagProcess

  @Test("lint on a text file says once that it is not a gazetteer")
  func lintTextFile() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try String(repeating: "किम जोंग उन ने कहा\n", count: 17).write(
      to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    let result = try G.run(["gazetteer", "lint", "notes.txt"], in: directory)
    #expect(result.status == 1)
    #expect(
      result.stdout == """
        notes.txt: neither a gazetteer directory nor a spaCy patterns file: line 1 is not a JSON object; give a gazetteer directory (with manifest.json) or a .jsonl file with one {"label": …, "pattern": "…"} per line
        1 error, 0 warnings in 0 entries

        """)
    let tagged = try G.run(
      ["tag", "--gazetteer", "notes.txt"], input: Data("x".utf8), in: directory)
    #expect(tagged.status == 2)
    #expect(tagged.stderr.hasPrefix("gazetag: notes.txt: neither a gazetteer directory"))
  }

  @Test("a gazetteer whose TSV file starts with a byte order mark tags")
  func byteOrderMark() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let gazetteer = directory.appendingPathComponent("g")
    try FileManager.default.createDirectory(at: gazetteer, withIntermediateDirectories: true)
    try
      #"{"format": 1, "labels": [{"name": "PLACE"}], "files": [{"path": "p.tsv", "label": "PLACE"}]}"#
      .write(
        to: gazetteer.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
    try Data("\u{FEFF}id\tname\r\nplace:moscow\tमॉस्को\r\n".utf8).write(
      to: gazetteer.appendingPathComponent("p.tsv"))
    let result = try G.run(
      ["tag", "--gazetteer", "g", "--format", "tsv", "-"], input: Data("मास्को".utf8),
      in: directory)
    #expect(result.stderr.isEmpty)
    #expect(result.stdout == "-\t0\t6\tPLACE\tमास्को\tplace:moscow\n")
    #expect(try G.run(["gazetteer", "lint", "g"], in: directory).status == 0)
  }
}
