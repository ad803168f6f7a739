import Foundation
import FoundationXML
import Testing

@Suite struct CoverageCommandTests {
  typealias G = GazetagProcess

  /// The coverage fixtures; commands run there so that reports name files relatively.
  static let fixtures = G.repositoryRoot.appendingPathComponent(
    "Tests/GazetagTests/Fixtures/evaluation")
  static let map = "PER=PERSON,LOC=PLACE,LOC=COUNTRY,ORG=ORG,NORP=NORP"

  func coverage(_ arguments: [String], gold: String = "news.iob2.conll") throws -> G.Result {
    try G.run(
      ["coverage", "--gold", gold, "--gazetteer", "gazetteer", "--label-map", Self.map]
        + arguments, in: Self.fixtures)
  }

  @Test("--min-f1 0.99 on a corpus the gazetteer does not cover exits 1 and lists the misses")
  func unmetThreshold() throws {
    let result = try coverage(["--min-f1", "0.99"])
    #expect(result.status == 1)
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.contains("FAIL  f1 (micro) is 0.7742, below 0.9900"))
    #expect(result.stdout.contains("news.iob2.conll:26  not found: सर्गेई शोइगु"))
    #expect(result.stdout.contains("news.iob2.conll:125  not found: व्लादिवोस्तोक"))
    #expect(result.stdout.hasSuffix("result: FAILED: 1 of 1 thresholds not met\n"))
  }

  @Test("met thresholds exit 0, overall and per label")
  func metThresholds() throws {
    let result = try coverage([
      "--min-precision", "0.85", "--min-recall", "PER=0.8", "--min-f1", "LOC=0.8",
    ])
    #expect(result.status == 0)
    #expect(result.stdout.contains("ok    recall PER is 0.8333, at least 0.8000"))
    #expect(result.stdout.hasSuffix("result: passed\n"))
  }

  @Test("a threshold on a label the corpus does not have fails")
  func unknownLabelThreshold() throws {
    let result = try coverage(["--min-recall", "PERSON=0.5"])
    #expect(result.status == 1)
    #expect(result.stdout.contains("recall PERSON: no gold or predicted span has the label PERSON"))
    let unscored = try G.run(
      [
        "coverage", "--gold", "news.iob2.conll", "--gazetteer", "gazetteer", "--min-recall",
        "PER=0.5",
      ],
      in: Self.fixtures)
    #expect(unscored.status == 1)
    #expect(
      unscored.stdout.contains(
        "recall PER: PER is not scored (6 gold spans), no label of the gazetteer counts as it; see --label-map"
      ))
  }

  @Test("--report junit parses as XML and carries the failure; -o writes it to a file")
  func junit() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("coverage.xml")
    let result = try coverage(["--min-f1", "0.99", "--report", "junit", "-o", output.path])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    let document = try XMLDocument(contentsOf: output)
    let failures = try document.nodes(forXPath: "//testcase/failure")
    #expect(failures.count == 1)
    let failure = try #require(failures.first as? XMLElement)
    #expect(
      failure.attribute(forName: "message")?.stringValue == "f1 (micro) is 0.7742, below 0.9900")
    #expect(failure.stringValue?.contains("सर्गेई शोइगु") == true)
    #expect(try document.nodes(forXPath: "//testcase").count == 5)
  }

  @Test("--report json: scores, thresholds and passed")
  func json() throws {
    let result = try coverage(["--report", "json", "--min-recall", "0.5"])
    #expect(result.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["passed"] as? Bool == true)
    let micro = try #require(object["micro"] as? [String: Any])
    #expect(micro["tp"] as? Int == 24)
    #expect((object["labels"] as? [String: Any])?.keys.sorted() == ["LOC", "NORP", "ORG", "PER"])
  }

  @Test("--report github writes annotations")
  func github() throws {
    let result = try coverage(["--report", "github", "--min-f1", "0.99", "--top", "2"])
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.contains("::error title=gazetag coverage::f1 (micro) is 0.7742, below 0.9900"))
    #expect(lines.filter { $0.hasPrefix("::warning file=news.iob2.conll,line=") }.count == 2)
    #expect(lines.filter { $0.hasPrefix("::notice file=news.iob2.conll,line=") }.count == 2)
  }

  @Test("a real-world CoNLL file with malformed tag lines still yields a full report")
  func damaged() throws {
    let result = try coverage(["--min-f1", "0.5"], gold: "news-damaged.conll")
    #expect(result.status == 0)
    let bad = [
      "news-damaged.conll:27: malformed tag '-'", "news-damaged.conll:47: malformed tag 'I-'",
      "news-damaged.conll:65: no tag column", "news-damaged.conll:78: malformed tag 'B-'",
    ]
    let stderr = result.stderr.split(separator: "\n")
    #expect(stderr.count == 4)
    for (line, expected) in zip(stderr, bad) {
      #expect(line.hasPrefix("gazetag: " + expected))
    }
    for expected in bad { #expect(result.stdout.contains("  " + expected)) }
    #expect(result.stdout.contains("micro    0.8214    0.6970    0.7541   23    5   10"))
    #expect(result.stdout.contains("missed gold names"))
    #expect(result.stdout.hasSuffix("result: passed\n"))

    let strict = try coverage(["--min-f1", "0.5", "--strict"], gold: "news-damaged.conll")
    #expect(strict.status == 1)
    #expect(strict.stdout.hasSuffix("result: FAILED: 4 malformed gold lines (--strict)\n"))
  }

  @Test("usage errors exit 64; an unreadable gold file is fatal (2)")
  func errors() throws {
    let noGold = try G.run(["coverage"], in: Self.fixtures)
    #expect(noGold.status == 64)
    #expect(noGold.stderr.contains("name the gold annotations with --gold PATH"))
    let badThreshold = try coverage(["--min-f1", "1.5"])
    #expect(badThreshold.status == 64)
    #expect(badThreshold.stderr.contains("--min-f1 1.5: give a number from 0 to 1"))
    let badMap = try G.run(
      [
        "coverage", "--gold", "news.iob2.conll", "--gazetteer", "gazetteer", "--label-map",
        "LOC=PLAC",
      ],
      in: Self.fixtures)
    #expect(badMap.status == 64)
    #expect(badMap.stderr.contains("--label-map: unknown label 'PLAC'"))
    let twice = try G.run(
      ["coverage", "--gold", "news.iob2.conll", "--label-map", "LOC=PLACE,GPE=PLACE"],
      in: Self.fixtures)
    #expect(twice.status == 64)
    #expect(twice.stderr.contains("PLACE counts as both LOC and GPE"))
    let missing = try coverage([], gold: "missing.conll")
    #expect(missing.status == 2)
    #expect(
      missing.stderr
        == "gazetag: missing.conll: cannot read gold corpus: no such file or directory\n")
    #expect(missing.stdout.isEmpty)
  }

  @Test("JSON Lines gold and --partial")
  func jsonlGold() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try """
    {"text": "कुर्स्क क्षेत्र में रूसी सैनिक", "spans": [{"start": 0, "end": 15, "label": "PLACE"}, {"start": 20, "end": 24, "label": "NORP"}]}
    """.write(to: directory.appendingPathComponent("gold.jsonl"), atomically: true, encoding: .utf8)
    let result = try G.run(
      [
        "coverage", "--gold", "gold.jsonl", "--gazetteer",
        Self.fixtures.appendingPathComponent("gazetteer").path,
        "--partial", "--min-recall", "PLACE=1",
      ], in: directory)
    #expect(result.status == 1)
    #expect(result.stdout.contains("gold.jsonl:1  overlaps PLACE 'कुर्स्क': कुर्स्क क्षेत्र"))
    #expect(result.stdout.contains("overlap scores"))
  }
}

/// The first line of the text report counts every gold span, not only the scored ones.
@Suite struct CoverageCountTests {
  typealias G = GazetagProcess

  static let fixtures = G.repositoryRoot.appendingPathComponent(
    "Tests/GazetagTests/Fixtures/evaluation")

  @Test("gold spans of labels that are not scored are counted, and the scored ones named")
  func unscoredGoldSpansCount() throws {
    let result = try G.run(
      ["coverage", "--gold", "news.iob2.conll", "--gazetteer", "gazetteer"], in: Self.fixtures)
    #expect(result.status == 0)
    #expect(
      result.stdout.hasPrefix(
        "gazetag coverage: 1 gold file, 13 documents, 34 gold spans (12 scored), 29 predicted spans\n"
      ))
    #expect(
      result.stdout.contains(
        "not scored, no label of the gazetteer counts as them: LOC (16), PER (6)"))
    let json = try G.run(
      ["coverage", "--gold", "news.iob2.conll", "--gazetteer", "gazetteer", "--report", "json"],
      in: Self.fixtures)
    let object = try #require(
      try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any])
    #expect(object["gold_spans"] as? Int == 34)
    #expect(object["scored_gold_spans"] as? Int == 12)
    let mapped = try G.run(
      [
        "coverage", "--gold", "news.iob2.conll", "--gazetteer", "gazetteer", "--label-map",
        "PER=PERSON,LOC=PLACE,LOC=COUNTRY,ORG=ORG,NORP=NORP",
      ], in: Self.fixtures)
    #expect(mapped.stdout.hasPrefix("gazetag coverage: 1 gold file, 13 documents, 34 gold spans, "))
  }
}
