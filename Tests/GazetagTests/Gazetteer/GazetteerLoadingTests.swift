import Foundation
import Testing

@testable import Gazetag

@Suite struct GazetteerLoadingTests {
  let manifest = """
    {"format": 1, "labels": [{"name": "PLACE"}, {"name": "PERSON", "priority": 5}],
     "files": [{"path": "places.tsv", "label": "PLACE"}]}
    """

  @Test("a directory gazetteer loads entries, aliases and extra columns")
  func loads() throws {
    let url = try gazetteerDirectory([
      "manifest.json": manifest,
      "places.tsv":
        "# comment\n\nid\tname\taliases\tenglish\tcountry\nplace:a\tमॉस्को\t मास्को | Moscow \tMoscow\tRU\n",
    ])
    let gazetteer = try Gazetteer(contentsOf: url)
    #expect(gazetteer.labels.map(\.name) == ["PLACE", "PERSON"])
    #expect(gazetteer.entries.count == 1)
    let entry = try #require(gazetteer.entries.first)
    #expect(entry.aliases == ["मास्को", "Moscow"])
    #expect(entry.englishName == "Moscow")
    #expect(entry.attributes == ["country": "RU"])
    #expect(entry.location.line == 4)
    #expect(entry.label == "PLACE")
  }

  @Test("a gazetteer saved with Windows line ends loads the same")
  func crlf() throws {
    let url = try gazetteerDirectory([
      "manifest.json": manifest.replacingOccurrences(of: "\n", with: "\r\n"),
      "places.tsv": "id\tname\taliases\r\nplace:a\tमॉस्को\tमास्को\r\nplace:b\tरूस\t\r\n",
    ])
    defer { try? FileManager.default.removeItem(at: url) }
    let gazetteer = try Gazetteer(contentsOf: url)
    #expect(gazetteer.entries.map(\.name) == ["मॉस्को", "रूस"])
    #expect(gazetteer.entries.map(\.aliases) == [["मास्को"], []])
    #expect(try Tagger(gazetteer: gazetteer).spans(in: "मास्को और रूस").count == 2)
  }

  @Test("an unknown label names file, line and the declared labels")
  func unknownLabel() throws {
    let message = try gazetteerLoadError([
      "manifest.json": manifest,
      "places.tsv": "id\tlabel\tname\nx\tPLACE\tक\ny\tPERSN\tख\n",
    ])
    #expect(
      message
        == "places.tsv:3: unknown label 'PERSN'; declared labels are PLACE, PERSON (declare it under \"labels\" in manifest.json)"
    )
  }

  @Test("a header without a name column is refused at its line")
  func missingColumn() throws {
    let message = try gazetteerLoadError([
      "manifest.json": manifest, "places.tsv": "# c\nid\taliases\n",
    ])
    #expect(message.hasPrefix("places.tsv:2: header lacks the required column 'name'"))
  }

  @Test("a row with a stray tab is refused")
  func extraFields() throws {
    let message = try gazetteerLoadError([
      "manifest.json": manifest, "places.tsv": "id\tname\nx\tक\tख\n",
    ])
    #expect(message.hasPrefix("places.tsv:2: 3 tab-separated fields but the header names 2"))
  }

  @Test("an empty id is refused")
  func emptyID() throws {
    let message = try gazetteerLoadError([
      "manifest.json": manifest, "places.tsv": "id\tname\n\tक\n",
    ])
    #expect(message.hasPrefix("places.tsv:2: empty 'id'"))
  }

  @Test("a manifest without labels is refused")
  func badManifest() throws {
    let message = try gazetteerLoadError(["manifest.json": "{\"format\": 1, \"files\": []}"])
    #expect(message == "manifest.json:1: invalid manifest: missing key 'labels'; add it")
  }

  @Test("an alias that starts with the designator slot is refused when compiled")
  func designatorFirst() throws {
    let url = try gazetteerDirectory([
      "manifest.json": manifest, "places.tsv": "id\tname\nx\t# क\n",
    ])
    defer { try? FileManager.default.removeItem(at: url) }
    let gazetteer = try Gazetteer(contentsOf: url)
    #expect(throws: GazetteerError.self) { try Tagger(gazetteer: gazetteer) }
  }

  @Test("spaCy phrase patterns load; patterns sharing an id form one entry")
  func spacyPatterns() throws {
    let url = try gazetteerDirectory([
      "p.jsonl": """
      {"label": "PLACE", "pattern": "मॉस्को", "id": "moscow"}
      {"label": "PLACE", "pattern": "Moscow", "id": "moscow"}

      {"label": "COUNTRY", "pattern": "रूस"}
      """
    ])
    defer { try? FileManager.default.removeItem(at: url) }
    let gazetteer = try Gazetteer(contentsOf: url.appendingPathComponent("p.jsonl"))
    #expect(gazetteer.entries.map(\.name) == ["मॉस्को", "रूस"])
    #expect(gazetteer.entries[0].aliases == ["Moscow"])
    #expect(gazetteer.labels.map(\.name) == ["PLACE", "COUNTRY"])
    #expect(gazetteer.profile == .standard)
  }

  @Test("a token-list spaCy pattern is refused with file:line")
  func tokenPattern() throws {
    let url = try gazetteerDirectory([
      "p.jsonl": """
      {"label": "PLACE", "pattern": "मॉस्को"}
      {"label": "PLACE", "pattern": [{"LOWER": "moscow"}]}
      """
    ])
    defer { try? FileManager.default.removeItem(at: url) }
    let path = url.appendingPathComponent("p.jsonl").path
    #expect(throws: GazetteerError.tokenPattern(SourceLocation(file: path, line: 2))) {
      try Gazetteer(contentsOf: URL(fileURLWithPath: path))
    }
  }

  @Test("merging keeps the first label definition and refuses mixed profiles")
  func merging() throws {
    let a = Gazetteer(
      labels: [LabelDefinition(name: "X", priority: 1)], entries: [], profile: .standard)
    let b = Gazetteer(
      labels: [LabelDefinition(name: "X", priority: 9)], entries: [], profile: .exact)
    #expect(throws: GazetteerError.profileConflict(first: "standard", second: "exact")) {
      try Gazetteer(merging: [a, b])
    }
    let merged = try Gazetteer(merging: [a, b], profile: .exact)
    #expect(merged.labels == [LabelDefinition(name: "X", priority: 1)])
    #expect(merged.profile == .exact)
  }
}
