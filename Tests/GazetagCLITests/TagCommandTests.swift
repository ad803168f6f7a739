import Foundation
import Testing

@Suite struct TagCommandTests {
  typealias G = GazetagProcess

  @Test("tag reads standard input and writes one JSONL object")
  func stdin() throws {
    let result = try G.run(["tag"], input: "कल किम  जोंग\u{00A0}उन डोनबास॥ गए")
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let objects = try G.jsonLines(result.stdout)
    #expect(objects.count == 1)
    #expect(objects[0]["source"] as? String == "-")
    let spans = try #require(objects[0]["spans"] as? [[String: Any]])
    #expect(spans.map { $0["text"] as? String } == ["किम  जोंग\u{00A0}उन", "डोनबास"])
    #expect(spans.map { $0["label"] as? String } == ["PERSON", "PLACE"])
  }

  @Test(
    "the example article: every span slices the input in all three offset units",
    arguments: ["codepoint", "utf8", "utf16"])
  func example(unit: String) throws {
    let result = try G.run(["tag", "--offsets", unit, G.exampleArticle.path])
    #expect(result.status == 0)
    let text = try String(contentsOf: G.exampleArticle, encoding: .utf8)
    let objects = try G.jsonLines(result.stdout)
    #expect(objects.first?["source"] as? String == G.exampleArticle.path)
    let spans = try #require(objects.first?["spans"] as? [[String: Any]])
    #expect(spans.count > 20)
    for span in spans {
      let range = try #require(span["start"] as? Int)..<(try #require(span["end"] as? Int))
      let slice =
        switch unit {
        case "utf8": String(decoding: Array(text.utf8)[range], as: UTF8.self)
        case "utf16": String(decoding: Array(text.utf16)[range], as: UTF16.self)
        default: String(String.UnicodeScalarView(Array(text.unicodeScalars)[range]))
        }
      #expect(slice == span["text"] as? String)
    }
  }

  @Test("TSV format: one line per span")
  func tsv() throws {
    let result = try G.run(["tag", "--format", "tsv"], input: "रूस और यूक्रेन")
    #expect(result.stdout == "-\t0\t3\tCOUNTRY\tरूस\tRU\n-\t7\t14\tCOUNTRY\tयूक्रेन\tUA\n")
  }

  @Test("--labels keeps only the named labels; an unknown label is a usage error")
  func labels() throws {
    let result = try G.run(["tag", "--labels", "PLACE", "--format", "tsv"], input: "रूस और डोनबास")
    #expect(result.stdout == "-\t7\t13\tPLACE\tडोनबास\tplace:donbas\n")
    let bad = try G.run(["tag", "--labels", "PLAC"], input: "")
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("unknown label 'PLAC'"))
  }

  @Test("--gazetteer takes a spaCy patterns file; a token-list pattern is refused with file:line")
  func spacyPatterns() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let good = directory.appendingPathComponent("patterns.jsonl")
    try """
    {"label": "GPE", "pattern": "मॉस्को", "id": "moscow"}
    {"label": "GPE", "pattern": "किम योंग-ह्यून"}
    """.write(to: good, atomically: true, encoding: .utf8)
    let result = try G.run(
      ["tag", "--gazetteer", good.path, "--format", "tsv"], input: "मास्को में किम योंग ह्यून")
    #expect(result.status == 0)
    #expect(result.stdout == "-\t0\t6\tGPE\tमास्को\tmoscow\n-\t11\t25\tGPE\tकिम योंग ह्यून\t\n")

    let bad = directory.appendingPathComponent("tokens.jsonl")
    try """
    {"label": "GPE", "pattern": "मॉस्को"}
    {"label": "GPE", "pattern": [{"LOWER": "moscow"}]}
    """.write(to: bad, atomically: true, encoding: .utf8)
    let refused = try G.run(["tag", "--gazetteer", bad.path], input: "मॉस्को")
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("\(bad.path):2: token-list patterns are not supported"))
    #expect(refused.stdout.isEmpty)
  }

  @Test("--input jsonl returns every record unchanged plus spans, one line per line")
  func jsonlRecords() throws {
    let input = """
      {"id": 1, "text": "रूस में"}
      {"text": "कुछ नहीं", "id": 2, "extra": [1.50, true]}

      {"id": 3, "content": "no text field"}
      {"id": 4, "text": "मॉस्को\\nऔर प्योंगयांग"}

      """
    let result = try G.run(["tag", "--input", "jsonl"], input: input)
    let inLines = input.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    let outLines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
      .dropLast()
    #expect(outLines.count == inLines.count)
    #expect(
      outLines[0]
        == #"{"id": 1, "text": "रूस में","spans":[{"start":0,"end":3,"label":"COUNTRY","text":"रूस","id":"RU","name":"रूस"}]}"#
    )
    #expect(outLines[1].hasPrefix(#"{"text": "कुछ नहीं", "id": 2, "extra": [1.50, true],"spans":[]"#))
    #expect(outLines[2] == "")
    #expect(outLines[3] == inLines[3])
    #expect(outLines[4].contains(#""text":"प्योंगयांग""#))
    #expect(result.status == 1)
    #expect(result.stderr.contains("-:4: no string field 'text'"))
  }

  @Test("--input jsonl --text-field names the field")
  func textField() throws {
    let result = try G.run(
      ["tag", "--input", "jsonl", "--text-field", "body"], input: #"{"body": "रूस"}"#)
    #expect(result.status == 0)
    #expect(result.stdout.contains(#""text":"रूस""#))
  }

  @Test("-o writes the output file; directories are searched for .txt files in order")
  func outputFileAndDirectories() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let news = directory.appendingPathComponent("news/deep")
    try FileManager.default.createDirectory(at: news, withIntermediateDirectories: true)
    try "रूस".write(
      to: directory.appendingPathComponent("news/b.txt"), atomically: true, encoding: .utf8)
    try "मॉस्को".write(to: news.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try "ignored".write(to: news.appendingPathComponent("c.md"), atomically: true, encoding: .utf8)
    let output = directory.appendingPathComponent("out.jsonl")
    let result = try G.run(["tag", "news", "-o", output.path], in: directory)
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    let objects = try G.jsonLines(try String(contentsOf: output, encoding: .utf8))
    #expect(objects.map { $0["source"] as? String } == ["news/b.txt", "news/deep/a.txt"])
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(leftovers.sorted() == ["news", "out.jsonl"])
  }

  @Test("--output-dir writes one file per input")
  func outputDirectory() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try "रूस".write(to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try "मॉस्को".write(to: directory.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
    let result = try G.run(
      ["tag", "a.txt", "b.txt", "--format", "tsv", "--output-dir", "out"], in: directory)
    #expect(result.status == 0)
    let a = try String(contentsOf: directory.appendingPathComponent("out/a.tsv"), encoding: .utf8)
    let b = try String(contentsOf: directory.appendingPathComponent("out/b.tsv"), encoding: .utf8)
    #expect(a == "a.txt\t0\t3\tCOUNTRY\tरूस\tRU\n")
    #expect(b == "b.txt\t0\t6\tPLACE\tमॉस्को\tplace:tz:europe-moscow\n")
  }

  @Test("a missing input is reported with its path; the others are still tagged; exit 1")
  func missingInput() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try "रूस".write(to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    let result = try G.run(["tag", "missing.txt", "a.txt"], in: directory)
    #expect(result.status == 1)
    #expect(result.stderr == "gazetag: missing.txt: no such file or directory\n")
    #expect(try G.jsonLines(result.stdout).count == 1)
  }

  @Test("--fold exact turns off spelling folds")
  func fold() throws {
    let standard = try G.run(["tag", "--format", "tsv"], input: "रू\u{200D}स")
    let exact = try G.run(["tag", "--format", "tsv", "--fold", "exact"], input: "रू\u{200D}स")
    #expect(standard.stdout.contains("COUNTRY"))
    #expect(exact.stdout.isEmpty)
  }
}
