import Foundation
import Testing

@testable import Gazetag

/// Harvesting gazetteer entries from gold annotations: counts, exclusions and the output.
@Suite struct GazetteerHarvesterTests {
  static func corpus() throws -> GoldCorpus {
    try GoldCorpus(contentsOf: [Fixtures.url("harvest/small.conll").path])
  }

  static func candidates(_ options: GazetteerHarvester.Options = .init(stoplist: .bundled))
    throws -> [String: HarvestCandidate]
  {
    let found = GazetteerHarvester(options: options).candidates(in: try corpus())
    return Dictionary(found.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
  }

  @Test("each gold name is counted as an entity and as the same words left unmarked")
  func counts() throws {
    let found = try Self.candidates()
    #expect(found.count == 9)
    #expect(found["भारत"]?.entityCount == 2)
    #expect(found["भारत"]?.unannotatedCount == 0)
    #expect(found["भारत"]?.exclusion == nil)
    // दिनकर inside the marked रामधारी सिंह दिनकर is neither marked nor an ordinary use.
    #expect(found["दिनकर"]?.entityCount == 1)
    #expect(found["दिनकर"]?.unannotatedCount == 3)
    #expect(found["रामधारी सिंह दिनकर"]?.unannotatedCount == 0)
    #expect(found["रामधारी सिंह दिनकर"]?.exclusion == nil)
    #expect(found["रामधारी सिंह दिनकर"]?.files == [Fixtures.url("harvest/small.conll").path])
  }

  @Test("a name that is mostly an ordinary word is left out at the default ratio, with why")
  func exclusions() throws {
    let found = try Self.candidates()
    #expect(found["दिनकर"]?.ratio == 0.25)
    #expect(found["दिनकर"]?.exclusion == .lowRatio(minimum: 0.5))
    #expect(found["दिल्ली के"]?.exclusion == .endsInPostposition("के"))
    #expect(found["मोदी ,"]?.exclusion == .endsInPunctuation(","))
    #expect(found["गंगा"]?.exclusion == .contestedLabel(summary: "NEL 1, NEP 1"))
    #expect(found["उत्तर"]?.exclusion == .stoplisted(word: "उत्तर"))
    // A lower ratio keeps दिनकर; a higher count leaves out the names marked once.
    let lenient = try Self.candidates(.init(minimumRatio: 0.2))
    #expect(lenient["दिनकर"]?.exclusion == nil)
    let frequent = try Self.candidates(.init(minimumCount: 2))
    #expect(frequent["नेपाल"]?.exclusion == .rare(minimum: 2))
    #expect(frequent["भारत"]?.exclusion == nil)
    let table = GazetteerHarvester.exclusionTable(Array(found.values))
    #expect(
      table.contains(
        "small.conll:9\tदिनकर\tNEP 1\t1\t3\t0.25\tratio\tmarked less often than --min-ratio 0.5 of its occurrences\n"
      ))
  }

  @Test(
    "partial annotation: unmarked occurrences count only up to the last document marking the label"
  )
  func partialAnnotation() throws {
    // Sentences 1–2 mark people, 1–3 places (पटना unmarked in 2); sentences 4–5 mark nothing.
    let corpus = try GoldCorpus(contentsOf: [Fixtures.url("harvest/partial.conll").path])
    func found(_ partial: Bool) -> [String: HarvestCandidate] {
      let candidates = GazetteerHarvester(options: .init(partialAnnotation: partial))
        .candidates(in: corpus)
      return Dictionary(candidates.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
    let everywhere = found(false)
    #expect(everywhere["रेणु"]?.unannotatedCount == 3)
    #expect(everywhere["पटना"]?.unannotatedCount == 3)
    let partial = found(true)
    #expect(partial["रेणु"]?.entityCount == 2)
    // रेणु unmarked in sentence 3 is past the last sentence that marks a person.
    #expect(partial["रेणु"]?.unannotatedCount == 0)
    #expect(partial["रेणु"]?.ratio == 1)
    #expect(partial["पटना"]?.unannotatedCount == 1)
    #expect(partial["पटना"]?.ratio == 0.5)
  }

  @Test("--label-map renames gold labels and leaves out those it does not name")
  func labelMap() throws {
    let found = try Self.candidates(.init(labelMap: ["NEP": "PERSON", "NEL": "PLACE"]))
    #expect(found["भारत"]?.label == "PLACE")
    #expect(found["रामधारी सिंह दिनकर"]?.label == "PERSON")
    #expect(found["दो"] == nil)
  }

  @Test("the harvested directory loads, lints clean and names the gold file as source")
  func output() throws {
    let candidates = GazetteerHarvester(options: .init(stoplist: .bundled))
      .candidates(in: try Self.corpus())
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("gazetag-harvest-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, contents) in GazetteerHarvester.directoryFiles(
      candidates, name: "test", known: Gazetteer.bundled.labels)
    {
      try contents.write(
        to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let gazetteer = try Gazetteer(contentsOf: directory)
    #expect(gazetteer.entries.map(\.name).sorted() == ["दो", "नेपाल", "भारत", "रामधारी सिंह दिनकर"])
    #expect(gazetteer.entries.allSatisfy { $0.source == "small.conll" })
    #expect(gazetteer.entries.first { $0.name == "भारत" }?.attributes["gold_count"] == "2")
    let report = GazetteerLinter().lint(contentsOf: directory)
    #expect(report.errorCount == 0)
    #expect(report.warningCount == 0)
    let patterns = GazetteerHarvester.patterns(candidates)
    #expect(patterns.contains(#"{"label": "NEL", "pattern": "भारत", "id": "nel:भारत"}"#))
  }
}
