import Foundation
import Testing

@testable import Gazetag

/// The rules file: read from a gazetteer directory, checked with `file:line` messages, layered,
/// and kept by a compiled gazetteer.
@Suite struct ContextRuleReaderTests {
  static let manifest = """
    {"format": 1, "labels": [{"name": "PLACE"}, {"name": "ORG", "priority": 5}],
     "rules": "rules.tsv", "files": [{"path": "places.tsv", "label": "PLACE"}]}
    """
  static let places = "id\tname\nplace:gujarat\tगुजरात\nplace:kerala\tकेरल\n"
  static let rules = """
    # a comment
    id\tkind\tlabels\tlabel\twords\tentity\ttrain
    government\thead\tPLACE\tORG\tसरकार|प्रशासन\torg:government-of\tसरकार 116/129 0.90

    """

  @Test("a directory's rules apply, and a compiled copy of it applies them alike")
  func directoryAndCompiled() throws {
    let url = try gazetteerDirectory(
      ["manifest.json": Self.manifest, "places.tsv": Self.places, "rules.tsv": Self.rules])
    defer { try? FileManager.default.removeItem(at: url) }
    let gazetteer = try Gazetteer(contentsOf: url)
    #expect(gazetteer.rules.map(\.id) == ["government"])
    #expect(gazetteer.rules[0].location.line == 3)
    let text = "केरल प्रशासन और गुजरात ने"
    let spans = try Tagger(gazetteer: gazetteer).spans(in: text)
    #expect(spans.map(\.entry.id) == ["org:government-of+place:kerala", "place:gujarat"])
    let bytes = try CompiledGazetteer.compile(contentsOf: url)
    let file = url.appendingPathComponent("g.gzc")
    try Data(bytes).write(to: file)
    let compiled = try CompiledGazetteer(contentsOf: file.path)
    #expect(try Tagger(compiled: compiled).spans(in: text) == spans)
  }

  @Test("a guard without words drops any match of its labels beside a context word")
  func guardWithoutWords() throws {
    let rules = """
      id\tkind\tlabels\twords\tcontext\tcondition
      programme\tguard\tPLACE\t\tअभियान|मिशन\tnot-after

      """
    let url = try gazetteerDirectory(
      ["manifest.json": Self.manifest, "places.tsv": Self.places, "rules.tsv": rules])
    defer { try? FileManager.default.removeItem(at: url) }
    let gazetteer = try Gazetteer(contentsOf: url)
    #expect(gazetteer.rules.map(\.readsEveryMatch) == [true])
    let marked = MarkedText("गुजरात अभियान , केरल मिशन और ⟦केरल⟧PLACE में ⟦गुजरात⟧PLACE")
    let marks = try Tagger(gazetteer: gazetteer).spans(in: marked.text).map {
      MarkedText.Mark(start: $0.start.codePoint, end: $0.end.codePoint, label: $0.label)
    }
    #expect(marks == marked.marks)
    let bytes = try CompiledGazetteer.compile(contentsOf: url)
    let file = url.appendingPathComponent("g.gzc")
    try Data(bytes).write(to: file)
    let compiled = try CompiledGazetteer(contentsOf: file.path)
    #expect(try Tagger(compiled: compiled).spans(in: marked.text).count == 2)
  }

  @Test(
    "problems of a rules file name its file and line",
    arguments: [
      (
        "id\tkind\twords\nx\theadd\tसरकार\n",
        "rules.tsv:2: invalid rule: 'kind' must be one of head, qualifier, title, name, guard, not 'headd'"
      ),
      (
        "id\tkind\twords\tlabels\tlabel\tentity\nx\thead\tसरकार\tPLACE\tORGG\torg:x\n",
        "rules.tsv:2: unknown label 'ORGG'; declared labels are PLACE, ORG (declare it under \"labels\" in manifest.json)"
      ),
      (
        "id\tkind\twords\tlabels\nx\thead\tसरकार\tPLACE\n",
        "rules.tsv:2: invalid rule: a head rule needs 'label', the label of the span it makes"
      ),
      (
        "id\tkind\twords\nx\tguard\tचीनी\n",
        "rules.tsv:2: invalid rule: a guard rule needs 'labels', the labels of the matches it reads"
      ),
      (
        "id\tkind\twords\tlabels\tlabel\tentity\nx\thead\t\tPLACE\tORG\torg:x\n",
        "rules.tsv:2: invalid rule: empty 'words'; list the rule's words, separated by | (only a guard may leave it empty)"
      ),
      (
        "id\tkind\twords\tlabels\tcontext\tcondition\nx\tguard\t\tPLACE\tअभियान\tafter\n",
        "rules.tsv:2: invalid rule: a guard without 'words' reads every match of its labels, and 'after' would drop each one without a context word; use not-before or not-after, or list the aliases in 'words'"
      ),
      (
        "id\tkind\twords\tlabel\tentity\nx\tname\tउषा\tORG\torg:guessed\n",
        "rules.tsv:2: invalid rule: a name rule needs 'context', the surnames that end its names"
      ),
      (
        "id\tkind\twords\tcolour\n",
        "rules.tsv:1: invalid rule: unknown column 'colour'; the columns are condition, context, enabled, entity, id, kind, label, labels, train, words"
      ),
      (
        "id\tkind\twords\tlabels\nx\tqualifier\tपूर्वी\tPLACE\nx\tqualifier\tपश्चिमी\tPLACE\n",
        "rules.tsv:3: invalid rule: duplicate id 'x', already used at rules.tsv:2; rename one"
      ),
    ])
  func problems(rules: String, message: String) throws {
    let error = try gazetteerLoadError(
      ["manifest.json": Self.manifest, "places.tsv": Self.places, "rules.tsv": rules])
    #expect(error == message)
  }

  @Test("lint lists every problem of a rules file")
  func lint() throws {
    let url = try gazetteerDirectory([
      "manifest.json": Self.manifest, "places.tsv": Self.places,
      "rules.tsv": "id\tkind\twords\nx\theadd\tसरकार\ny\ttitle\t\n",
    ])
    defer { try? FileManager.default.removeItem(at: url) }
    let report = GazetteerLinter().lint(contentsOf: url)
    let messages = report.findings.map {
      $0.description.replacingOccurrences(of: url.path + "/", with: "")
    }
    #expect(messages.contains { $0.hasPrefix("rules.tsv:2: invalid rule: 'kind'") })
    #expect(messages.contains { $0.hasPrefix("rules.tsv:3: invalid rule: empty 'words'") })
  }

  @Test("a layer's rule replaces the base's rule of the same id")
  func layering() throws {
    let base = Gazetteer(
      labels: [], entries: [], profile: .standard,
      rules: [
        ContextRule(id: "a", kind: .head, words: ["x"], location: .init(file: "b", line: 1)),
        ContextRule(id: "b", kind: .head, words: ["y"], location: .init(file: "b", line: 2)),
      ])
    let layer = Gazetteer(
      labels: [], entries: [], profile: .standard,
      rules: [ContextRule(id: "a", kind: .head, words: ["z"], location: .init(file: "l", line: 1))])
    let layered = try Gazetteer(layering: layer, over: base)
    #expect(layered.rules.map(\.words) == [["y"], ["z"]])
  }
}
