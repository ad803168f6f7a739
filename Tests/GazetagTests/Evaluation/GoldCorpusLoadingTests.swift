import Foundation
import Testing

@testable import Gazetag

@Suite struct GoldCorpusLoadingTests {
  /// A fresh directory with `files` (relative path → text), removed after `body`.
  func withFiles(_ files: [String: String], _ body: (URL) throws -> Void) throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("gazetag-gold-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, text) in files {
      let url = directory.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    try body(directory)
  }

  @Test("formats are told from names; a .txt is brat only beside its .ann")
  func detection() throws {
    try withFiles(["a.txt": "रूस", "a.ann": "T1\tLOC 0 3\tरूस", "b.txt": "रूस B-LOC"]) { directory in
      func format(_ name: String) -> GoldFormat? {
        GoldFormat.detect(path: directory.appendingPathComponent(name).path)
      }
      #expect(format("a.txt") == .brat)
      #expect(format("a.ann") == .brat)
      #expect(format("b.txt") == .conll)
      #expect(format("x.jsonl") == .jsonl)
      #expect(format("x.iob2") == .conll)
      #expect(format("x.conll") == .conll)
      #expect(format("x.xml") == nil)
    }
  }

  @Test("a directory is read recursively in sorted order, brat texts beside their .ann files")
  func directory() throws {
    try withFiles([
      "gold/b.jsonl": #"{"text": "रूस", "spans": [{"start": 0, "end": 3, "label": "LOC"}]}"#,
      "gold/a/x.txt": "रूस और यूक्रेन", "gold/a/x.ann": "T1\tLOC 7 14\tयूक्रेन",
      "gold/c.conll": "रूस\tB-LOC\n", "gold/notes.md": "ignored",
    ]) { directory in
      let root = directory.appendingPathComponent("gold").path
      let corpus = try GoldCorpus(contentsOf: [root])
      #expect(corpus.files == ["\(root)/a/x.ann", "\(root)/b.jsonl", "\(root)/c.conll"])
      #expect(corpus.documents.map(\.text) == ["रूस और यूक्रेन", "रूस", "रूस"])
      #expect(corpus.documents[0].location.file == "\(root)/a/x.txt")
      #expect(corpus.schemes == ["\(root)/c.conll": .iob2])
    }
  }

  @Test("unreadable paths, unknown formats, lone .ann files and invalid UTF-8 stop the run")
  func fatal() throws {
    try withFiles(["lone.ann": "T1\tLOC 0 3\tरूस", "gold.xml": "", "empty/x.md": ""]) { directory in
      func error(_ name: String) -> GoldError? {
        do {
          _ = try GoldCorpus(contentsOf: [directory.appendingPathComponent(name).path])
          return nil
        } catch {
          return error
        }
      }
      let path = directory.path
      #expect(
        error("missing.jsonl")
          == .unreadable(path: "\(path)/missing.jsonl", reason: "no such file or directory"))
      #expect(error("gold.xml") == .unknownFormat(path: "\(path)/gold.xml"))
      #expect(
        error("lone.ann")
          == .missingBratText(annotations: "\(path)/lone.ann", text: "\(path)/lone.txt"))
      #expect(error("empty")?.description.contains("no gold files in this directory") == true)
      #expect(error("gold.xml")?.isDiagnostic == false)
    }
    try withFiles([:]) { directory in
      let url = directory.appendingPathComponent("bad.jsonl")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try Data([0x7B, 0xFF]).write(to: url)
      #expect(throws: GoldError.invalidUTF8(path: url.path, byteOffset: 1)) {
        try GoldCorpus(contentsOf: [url.path])
      }
    }
  }

  @Test("--gold-format overrides the name")
  func forcedFormat() throws {
    try withFiles(["gold.data": "रूस B-LOC\n"]) { directory in
      let path = directory.appendingPathComponent("gold.data").path
      let corpus = try GoldCorpus(contentsOf: [path], format: .conll, scheme: .iob2)
      #expect(corpus.documents.first?.spans.map(\.label) == ["LOC"])
    }
  }
}
