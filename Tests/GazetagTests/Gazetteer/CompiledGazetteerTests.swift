import Foundation
import Testing

@testable import Gazetag

/// Compiled gazetteers: they tag exactly as their source, and a damaged file is refused.
@Suite struct CompiledGazetteerTests {
  static let fixture = Fixtures.url("gazetteer")
  static let bundledSource = Fixtures.repositoryRoot.appendingPathComponent("gazetteer")

  static func compiled(_ bytes: [UInt8]) throws(GazetteerError) -> CompiledGazetteer {
    let result: Result<CompiledGazetteer, GazetteerError> = bytes.withUnsafeBytes { raw in
      Result { () throws(GazetteerError) in try CompiledGazetteer(bytes: raw, shownAs: "test.gzc") }
    }
    return try result.get()
  }

  @Test("every entry comes back as it was read, location and columns included")
  func roundTrip() throws {
    for url in [Self.fixture, Self.bundledSource] {
      let source = try Gazetteer(contentsOf: url)
      let compiled = try Self.compiled(try CompiledGazetteer.compile(contentsOf: url))
      #expect(compiled.entryCount == source.entries.count)
      #expect(compiled.labels == source.labels)
      #expect(compiled.profile == source.profile)
      #expect(compiled.gazetteer().entries == source.entries)
    }
  }

  @Test(
    "tags on the regression corpus are those of the source gazetteer",
    arguments: [
      TaggerOptions(), TaggerOptions(overlaps: .all),
      TaggerOptions(labels: ["PLACE", "NORP", "PERSON"]),
    ])
  func sameSpans(options: TaggerOptions) throws {
    let source = try Tagger(
      gazetteer: try Gazetteer(contentsOf: Self.bundledSource), options: options)
    let compiled = try Tagger(
      compiled: try Self.compiled(try CompiledGazetteer.compile(contentsOf: Self.bundledSource)),
      options: options)
    var count = 0
    for sentence in try RegressionCorpusTests.sentences() {
      let expected = source.spans(in: sentence.text)
      #expect(compiled.spans(in: sentence.text) == expected, "line \(sentence.line)")
      count += expected.count
    }
    #expect(count > 50)
  }

  @Test(
    "tags on the matcher cases, joined compounds and their vetoes included, are those of the source",
    arguments: [
      TaggerOptions(), TaggerOptions(overlaps: .all), TaggerOptions(labels: ["PERSON"]),
      TaggerOptions(labels: ["PLACE", "COUNTRY"]),
    ])
  func sameSpansOnMatcherCases(options: TaggerOptions) throws {
    let source = try Tagger(gazetteer: try Gazetteer(contentsOf: Self.fixture), options: options)
    let compiled = try Tagger(
      compiled: try Self.compiled(try CompiledGazetteer.compile(contentsOf: Self.fixture)),
      options: options)
    var joined = 0
    for testCase in MatcherFixtureTests.cases {
      let text = MarkedText(testCase.text).text
      let expected = source.spans(in: text)
      #expect(compiled.spans(in: text) == expected, "\(testCase.name)")
      joined += expected.count {
        !$0.text.contains { $0 == " " || $0 == "-" } && $0.entry.name.contains(" ")
      }
    }
    #expect(joined > 0)
  }

  @Test("pieces and streamed chunks of a compiled gazetteer join their entries")
  func joinedBatches() throws {
    let compiled = try Tagger(
      compiled: try Self.compiled(try CompiledGazetteer.compile(contentsOf: Self.bundledSource)))
    let text = try RegressionCorpusTests.sentences().map(\.text).joined(separator: "\n")
    var utf8 = text
    let whole = compiled.spans(in: text)
    let pieces = utf8.withUTF8 { compiled.spans(inUTF8: $0, jobs: 4, minimumPiece: 256) }
    #expect(pieces == whole)
    var streaming = StreamingTagger(tagger: compiled, chunkSize: 300, jobs: 2)
    var streamed = Array(streaming.append(Array(text.utf8)))
    streamed += streaming.finish()
    #expect(streamed == whole)
  }

  @Test("a compiled file's tables stay usable after the file is removed or replaced")
  func mappedTablesOutliveTheFile() throws {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("gazetag-mapped-\(UUID().uuidString).gzc").path
    try Data(try CompiledGazetteer.compile(contentsOf: Self.bundledSource))
      .write(to: URL(fileURLWithPath: file))
    let compiled = try CompiledGazetteer(contentsOf: file)
    // Replaced as `gazetteer compile` replaces it (a rename), then removed.
    try Data(try CompiledGazetteer.compile(contentsOf: Self.fixture))
      .write(to: URL(fileURLWithPath: file), options: .atomic)
    try FileManager.default.removeItem(atPath: file)
    let source = try Gazetteer(contentsOf: Self.bundledSource)
    #expect(compiled.gazetteer().entries == source.entries)
    let tagger = try Tagger(compiled: compiled)
    let expected = try Tagger(gazetteer: source)
    for sentence in try RegressionCorpusTests.sentences().prefix(200) {
      #expect(tagger.spans(in: sentence.text) == expected.spans(in: sentence.text))
    }
  }

  @Test("a truncated file is refused at every length, naming the file")
  func truncated() throws {
    let bytes = try CompiledGazetteer.compile(contentsOf: Self.fixture)
    for length in 0..<bytes.count {
      do {
        _ = try Self.compiled(Array(bytes[..<length]))
        Issue.record("a file truncated to \(length) of \(bytes.count) bytes loaded")
      } catch {
        #expect(error.description.hasPrefix("test.gzc: damaged compiled gazetteer: "))
      }
    }
  }

  @Test("a file with any one byte flipped is refused")
  func flipped() throws {
    let bytes = try CompiledGazetteer.compile(contentsOf: Self.fixture)
    #expect(throws: Never.self) { try Self.compiled(bytes) }
    var reasons: Set<String> = []
    for index in bytes.indices {
      var damaged = bytes
      damaged[index] ^= 0xFF
      do {
        _ = try Self.compiled(damaged)
        Issue.record("a file with byte \(index) of \(bytes.count) flipped loaded")
      } catch {
        guard case .damagedCompiled(_, let reason) = error else {
          #expect((8..<12).contains(index), "byte \(index): \(error)")  // the version
          continue
        }
        reasons.insert(String(reason.prefix { $0 != ":" && $0 != "'" }))
      }
    }
    #expect(reasons.count >= 5)
  }

  @Test("a file of another format version is refused, saying which")
  func wrongVersion() throws {
    var bytes = try CompiledGazetteer.compile(contentsOf: Self.fixture)
    bytes[8] = 3
    #expect(throws: GazetteerError.compiledFormat(path: "test.gzc", version: 3)) {
      try Self.compiled(bytes)
    }
    #expect(
      GazetteerError.compiledFormat(path: "x.gzc", version: 3).description
        == "x.gzc: compiled gazetteer of format 3, or with matching keys of another gazetag version; this gazetag reads format 2; compile the gazetteer again with this gazetag"
    )
  }

  @Test("a file whose source changed since it was compiled is refused as stale")
  func stale() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("gazetag-stale-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: Self.fixture, to: directory)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("compiled.gzc").path
    let bytes = try CompiledGazetteer.compile(contentsOf: directory)
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    #expect(try CompiledGazetteer(contentsOf: file).entryCount == 21)
    let data = directory.appendingPathComponent("entities.tsv")
    try (try String(contentsOf: data, encoding: .utf8) + "XX\tPLACE\tनया\t\t\n")
      .write(to: data, atomically: true, encoding: .utf8)
    #expect(throws: GazetteerError.staleCompiled(path: file, source: data.path)) {
      try CompiledGazetteer(contentsOf: file)
    }
    // The rules file is a source too.
    let manifest = directory.appendingPathComponent("manifest.json")
    try (try String(contentsOf: manifest, encoding: .utf8))
      .replacingOccurrences(of: "\"files\":", with: "\"rules\": \"rules.tsv\", \"files\":")
      .write(to: manifest, atomically: true, encoding: .utf8)
    let rules = directory.appendingPathComponent("rules.tsv")
    try "id\tkind\tlabels\tlabel\twords\tentity\ngov\thead\tCOUNTRY\tPLACE\tसरकार\tplace:gov\n"
      .write(to: rules, atomically: true, encoding: .utf8)
    try Data(try CompiledGazetteer.compile(contentsOf: directory)).write(
      to: URL(fileURLWithPath: file))
    #expect(try CompiledGazetteer(contentsOf: file).entryCount == 22)
    try "id\tkind\tlabels\tlabel\twords\tentity\ngov\thead\tCOUNTRY\tPLACE\tशासन\tplace:gov\n"
      .write(to: rules, atomically: true, encoding: .utf8)
    #expect(throws: GazetteerError.staleCompiled(path: file, source: rules.path)) {
      try CompiledGazetteer(contentsOf: file)
    }
    // Reproducible files record no times and are never stale.
    let reproducible = try CompiledGazetteer.compile(contentsOf: directory, reproducible: true)
    #expect(
      reproducible == (try CompiledGazetteer.compile(contentsOf: directory, reproducible: true)))
  }
}
