import Foundation
import Testing

/// `tag --format conll|brat|spacy|label-studio`, `--include-text` and `--map-labels` end to
/// end: what coverage reads back scores 1.0, and misuse is a one-line usage error.
@Suite struct FormatCommandTests {
  typealias G = GazetagProcess

  static let examples = ["korea-russia.txt", "hindi-news.txt"].map {
    G.repositoryRoot.appendingPathComponent("Examples/\($0)").path
  }

  /// The micro scores of `coverage --gold gold --report json` with the bundled gazetteer.
  func micro(_ arguments: [String], in directory: URL) throws -> [String: Any] {
    let result = try G.run(["coverage", "--report", "json"] + arguments, in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
    #expect((object["gold_spans"] as? Int ?? 0) > 10)
    return try #require(object["micro"] as? [String: Any])
  }

  @Test(
    "tag --format conll, then coverage --gold of that file scores 1.0",
    arguments: ["iob2", "bioes"])
  func conllRoundTrip(scheme: String) throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let tagged = try G.run(
      ["tag", "--format", "conll", "--scheme", scheme, "-o", "gold.conll"] + Self.examples,
      in: directory)
    #expect(tagged.status == 0)
    let text = try String(
      contentsOf: directory.appendingPathComponent("gold.conll"), encoding: .utf8)
    #expect(text.components(separatedBy: "\n-DOCSTART-\tO\n\n").count == 2)
    let scores = try micro(["--gold", "gold.conll", "--scheme", scheme], in: directory)
    #expect(scores["f1"] as? Double == 1.0)
    #expect(scores["fp"] as? Int == 0)
  }

  @Test("tag --format brat --output-dir writes .ann beside .txt; coverage reads them back at 1.0")
  func bratRoundTrip() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let tagged = try G.run(
      ["tag", "--format", "brat", "--output-dir", "out"] + Self.examples, in: directory)
    #expect(tagged.status == 0)
    let out = directory.appendingPathComponent("out")
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(files == ["hindi-news.ann", "hindi-news.txt", "korea-russia.ann", "korea-russia.txt"])
    #expect(
      try Data(contentsOf: out.appendingPathComponent("korea-russia.txt"))
        == Data(contentsOf: URL(fileURLWithPath: Self.examples[0])))
    for name in ["korea-russia.ann", "hindi-news.ann"] {
      let scores = try micro(["--gold", "out/\(name)"], in: directory)
      #expect(scores["f1"] as? Double == 1.0)
    }
    // One input to standard output: the .ann alone.
    let single = try G.run(["tag", "--format", "brat", Self.examples[0]])
    #expect(single.status == 0)
    #expect(
      single.stdoutBytes == (try Data(contentsOf: out.appendingPathComponent("korea-russia.ann"))))
    #expect(single.stdout.contains("\tAnnotatorNotes T1\t"))
  }

  @Test(
    "usage errors name the problem in one line",
    arguments: [
      (["--format", "brat", "a.txt", "b.txt"], "--format brat writes one document per output"),
      (["--format", "spacy", "--offsets", "utf8"], "--format spacy counts code points"),
      (["--format", "jsonl", "--scheme", "bioes"], "--scheme is for --format conll"),
      (["--format", "tsv", "--include-text"], "--include-text is for --format jsonl"),
      (["--ls-to-name", "x"], "are for --format label-studio"),
      (["--input", "jsonl", "--format", "html"], "--format html cannot hold records"),
      (["--map-labels", "PLACE"], "--map-labels: 'PLACE' is not OURS=NEW"),
      (["--map-labels", "NOPE=GPE"], "--map-labels: unknown label 'NOPE'"),
      (["--map-labels", "PLACE=GPE,PLACE=LOC"], "PLACE is renamed both GPE and LOC"),
    ])
  func usageErrors(arguments: [String], message: String) throws {
    let result = try G.run(["tag"] + arguments, input: "रूस")
    #expect(result.status == 64)
    #expect(result.stdout == "")
    #expect(
      result.stderr.split(separator: "\n").first?.contains(message) == true, "\(result.stderr)")
  }

  @Test("several inputs found in a directory cannot go to one brat output")
  func bratDirectory() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for name in ["a.txt", "b.txt"] {
      try Data("रूस".utf8).write(to: directory.appendingPathComponent(name))
    }
    let result = try G.run(["tag", "--format", "brat", "."], in: directory)
    #expect(result.status == 64)
    #expect(result.stdout == "")
    #expect(result.stderr.contains("2 inputs were found; give one input, or --output-dir DIR"))
  }

  @Test("brat's copy of the text never overwrites an input, and its .ann is not left alone")
  func bratCopyOverInput() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data("\u{FEFF}रूस".utf8).write(to: directory.appendingPathComponent("a.txt"))
    let result = try G.run(
      ["tag", "--format", "brat", "--output-dir", ".", "a.txt"], in: directory)
    #expect(result.status == 1)
    #expect(
      result.stderr.hasSuffix(
        "a.txt: the output would overwrite this input; choose another output path\n"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a.txt"])
    #expect(
      try Data(contentsOf: directory.appendingPathComponent("a.txt")) == Data("\u{FEFF}रूस".utf8))
  }

  @Test("--input jsonl takes each record as a document of tsv, conll, spacy and label-studio")
  func recordDocuments() throws {
    let input =
      "{\"id\": 7, \"text\": \"\\ufeffरूस\"}\n\n{\"text\": 1}\n{\"text\": \"किम जोंग उन\", \"spans\": []}\n"
    let tsv = try G.run(["tag", "--input", "jsonl", "--format", "tsv"], input: input)
    #expect(tsv.status == 1)
    #expect(tsv.stderr.hasPrefix("gazetag: -:3: no string field 'text'"))
    #expect(
      tsv.stdout
        == "-:1\t1\t4\tCOUNTRY\tरूस\tRU\n-:4\t0\t11\tPERSON\tकिम जोंग उन\tperson:kim-jong-un\n")
    let conll = try G.run(["tag", "--input", "jsonl", "--format", "conll"], input: input)
    #expect(
      conll.stdout
        == "\u{FEFF}\tO\nरूस\tB-COUNTRY\n\n-DOCSTART-\tO\n\nकिम\tB-PERSON\nजोंग\tI-PERSON\nउन\tI-PERSON\n\n"
    )
    let spacy = try G.run(["tag", "--input", "jsonl", "--format", "spacy"], input: input)
    let objects = try G.jsonLines(spacy.stdout)
    #expect(objects.map { $0["title"] as? String } == ["-:1", "-:4"])
    let tasks = try G.run(["tag", "--input", "jsonl", "--format", "label-studio"], input: input)
    let array = try #require(try JSONSerialization.jsonObject(with: tasks.stdoutBytes) as? [Any])
    #expect(array.count == 2)
  }

  @Test(
    "--map-labels renames labels in every format and in `gazetag html`, the HTML legend included")
  func mapLabels() throws {
    let arguments = ["--map-labels", "PLACE=GPE", "--map-labels", "COUNTRY=GPE", Self.examples[0]]
    let jsonl = try G.run(["tag"] + arguments)
    let labels = Set(
      try G.jsonLines(jsonl.stdout).flatMap { ($0["spans"] as? [[String: Any]]) ?? [] }.compactMap {
        $0["label"] as? String
      })
    #expect(labels.contains("GPE"))
    #expect(!labels.contains("PLACE") && !labels.contains("COUNTRY"))
    let plain = try G.run(["tag", Self.examples[0]])
    #expect(
      jsonl.stdout
        == plain.stdout.replacingOccurrences(of: "\"label\":\"PLACE\"", with: "\"label\":\"GPE\"")
        .replacingOccurrences(of: "\"label\":\"COUNTRY\"", with: "\"label\":\"GPE\""))
    let html = try G.run(["tag", "--format", "html"] + arguments)
    #expect(html.stdout.contains("<bdi>GPE</bdi>"))
    #expect(!html.stdout.contains("<bdi>PLACE</bdi>"))
    let page = try G.run(["html"] + arguments)
    #expect(page.stdout == html.stdout)
    let refused = try G.run(["html", "--map-labels", "NOPE=GPE", Self.examples[0]])
    #expect(refused.status == 64)
    #expect(refused.stderr.contains("--map-labels: unknown label 'NOPE'"))
    for format in ["tsv", "conll", "brat", "spacy", "label-studio"] {
      let result = try G.run(["tag", "--format", format] + arguments)
      #expect(result.stdout.contains("GPE"), "\(format)")
      #expect(!result.stdout.contains("PLACE"), "\(format)")
    }
  }

  @Test("--output-dir names each format's files with its extension")
  func extensions() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for (format, fileExtension) in [
      ("conll", "conll"), ("spacy", "jsonl"), ("label-studio", "json"), ("tsv", "tsv"),
    ] {
      let result = try G.run(
        ["tag", "--format", format, "--output-dir", format, Self.examples[0]], in: directory)
      #expect(result.status == 0)
      #expect(
        FileManager.default.fileExists(
          atPath: directory.appendingPathComponent("\(format)/korea-russia.\(fileExtension)").path))
    }
    let tasks = try Data(
      contentsOf: directory.appendingPathComponent("label-studio/korea-russia.json"))
    #expect(try JSONSerialization.jsonObject(with: tasks) as? [Any] != nil)
  }

  @Test("--include-text adds the text after the source, for every input size")
  func includeText() throws {
    let result = try G.run(["tag", "--include-text", "--chunk-size", "64"], input: "रूस ने कहा\n")
    #expect(result.status == 0)
    let objects = try G.jsonLines(result.stdout)
    #expect(objects.map { $0["text"] as? String } == ["रूस ने कहा\n"])
    #expect(result.stdout.hasPrefix(#"{"source":"-","text":"#))
  }
}
