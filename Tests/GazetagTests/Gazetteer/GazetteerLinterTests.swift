import Foundation
import Testing

@testable import Gazetag

@Suite struct GazetteerLinterTests {
  /// The findings of linting `url`, with the fixture directory's path removed.
  func messages(_ report: LintReport, under url: URL) -> [String] {
    report.findings.map { $0.description.replacingOccurrences(of: url.path + "/", with: "") }
  }

  @Test("one deliberate problem of each kind: every one reported with file:line, in file order")
  func flawed() throws {
    let url = Fixtures.url("lint/flawed")
    let report = GazetteerLinter().lint(contentsOf: url)
    let declared = "declared labels are PERSON, COUNTRY, PLACE, REGION"
    #expect(
      messages(report, under: url) == [
        "manifest.json:16: cannot read 'missing.tsv', named under \"files\": cannot open the file; add the file or correct its path",
        "manifest.json:17: unknown label 'WEAPON'; \(declared) (declare it under \"labels\" in manifest.json)",
        "people.tsv:4: duplicate id 'person:kim-jong-un', already used at people.tsv:3; give each entry its own id, or merge the two rows",
        "people.tsv:5: empty 'id'; every row needs one",
        "people.tsv:6: empty 'name'; every row needs one",
        "people.tsv:7: alias '—' has no matchable token (only spaces, hyphens or joiners); remove it",
        "people.tsv:8: 5 tab-separated fields but the header names 4; remove the stray tab or add a column to the header",
        "people.tsv:9: alias '# ह्यून' starts with the designator slot '#'; put the family name before it",
        "people.tsv:10: 'name' is not in NFC: 'अब्दुल \u{0958}ादिर' has U+0958 where NFC has U+0915 U+093C; write the NFC form",
        "places.tsv:3: 'रोम' is the ordinary word 'रोम' (words.txt:3) and would be tagged wherever the word is used; remove it, or use a longer form of the name",
        "places.tsv:4: warning: 'मास्को' is also matched by 'place:moscow' (PLACE, places.tsv:2), which comes first and always wins; remove it from one entry, or merge the entries",
        "mixed.tsv:4: 'कोरिया' is also matched by 'place:korea' (PLACE, places.tsv:5), and REGION and PLACE have the same priority (20); remove it from one entry, or give the labels different priorities in manifest.json",
        "mixed.tsv:5: unknown label 'PLAC'; \(declared) (declare it under \"labels\" in manifest.json)",
        "mixed.tsv:9: empty 'label'; every row needs one",
      ])
    #expect(
      report.findings.map(\.rule) == [
        .structure, .unknownLabel, .duplicateID, .emptyField, .emptyField, .unusableAlias,
        .structure, .unusableAlias, .notNFC, .ordinaryWord, .sharedAlias, .aliasConflict,
        .unknownLabel, .emptyField,
      ])
    #expect(report.entryCount == 19)
    #expect(report.errorCount == 13)
    #expect(report.warningCount == 1)
    #expect(report.summary == "13 errors, 1 warning in 19 entries")
  }

  @Test("loading for tagging stops at the first problem that lint lists")
  func strictStopsAtFirst() throws {
    let url = Fixtures.url("lint/flawed")
    let first = try #require(GazetteerLinter().lint(contentsOf: url).findings.first)
    guard case .gazetteer(let error) = first else {
      Issue.record("the first finding is not a loading problem: \(first)")
      return
    }
    #expect(throws: error) { try Gazetteer(contentsOf: url) }
  }

  @Test("a spelling under two labels of different priorities is not a finding")
  func differentPriorities() throws {
    let report = GazetteerLinter().lint(contentsOf: Fixtures.url("lint/flawed"))
    // mixed.tsv:7-8: जॉर्डन as PLACE (20) and COUNTRY (30).
    #expect(
      !report.findings.contains {
        $0.location?.file.hasSuffix("mixed.tsv") == true && [7, 8].contains($0.location?.line)
      })
    // The matcher fixture has जॉर्डन as COUNTRY (30) and PLACE (20): clean.
    let clean = GazetteerLinter().lint(contentsOf: Fixtures.url("gazetteer"))
    #expect(clean.findings.isEmpty)
    #expect(clean.summary == "0 errors, 0 warnings in 21 entries")
  }

  @Test("a spaCy patterns file: bad lines are reported and skipped; equal priorities conflict")
  func spacyPatterns() throws {
    let url = Fixtures.url("lint/patterns.jsonl")
    let stoplist = Fixtures.url("lint/stoplist.txt")
    let report = GazetteerLinter().lint(contentsOf: url, stoplist: stoplist)
    let directory = url.deletingLastPathComponent().path + "/"
    #expect(
      report.findings.map { $0.description.replacingOccurrences(of: directory, with: "") } == [
        "patterns.jsonl:2: 'मास्को' is also matched by 'moscow' (GPE, patterns.jsonl:1), and PERSON and GPE have the same priority (0); remove it from one entry, or give the labels different priorities in manifest.json",
        "patterns.jsonl:3: token-list patterns are not supported; write the pattern as a phrase string, e.g. {\"label\": \"PLACE\", \"pattern\": \"डोनबास\"}",
        "patterns.jsonl:4: not a JSON object: malformed JSON; each line must be {\"label\": …, \"pattern\": \"…\", \"id\": …}",
        "patterns.jsonl:6: 'साल' is the ordinary word 'साल' (stoplist.txt:2) and would be tagged wherever the word is used; remove it, or use a longer form of the name",
      ])
    #expect(report.entryCount == 4)
  }

  @Test("the bundled gazetteer has no errors")
  func bundled() {
    let report = GazetteerLinter().lintBundled()
    #expect(
      report.errorCount == 0,
      "\(report.findings.filter { $0.severity == .error }.map(\.description).joined(separator: "\n"))"
    )
    #expect(report.entryCount == Gazetteer.bundled.entries.count)
  }

  @Test("a stoplist word matches every spelling with its key, and only whole names")
  func stoplistByKey() throws {
    let entries = [
      GazetteerEntry(
        id: "a", label: "PLACE", name: "पूर्वी तिमोर", aliases: ["पूर्\u{200D}व"],
        location: SourceLocation(file: "p.tsv", line: 2)),
      GazetteerEntry(
        id: "b", label: "PLACE", name: "उत्तर प्रदेश",
        location: SourceLocation(file: "p.tsv", line: 3)),
    ]
    let gazetteer = Gazetteer(
      labels: [LabelDefinition(name: "PLACE")], entries: entries, profile: .standard)
    let stoplist = Stoplist(parsing: "पूर्व  # former; east\nउत्तर\n", file: "s.txt")
    let findings = GazetteerLinter().findings(in: gazetteer, stoplist: stoplist)
    #expect(findings.map(\.rule) == [.ordinaryWord])
    #expect(findings.first?.location == SourceLocation(file: "p.tsv", line: 2))
  }

  @Test("the stoplist is stoplist.txt unless the manifest names one; a named one must exist")
  func stoplistDiscovery() throws {
    let manifest = { (extra: String) in
      """
      {"format": 1, \(extra)
       "labels": [{"name": "PLACE"}],
       "files": [{"path": "p.tsv", "label": "PLACE"}]}
      """
    }
    let files = ["p.tsv": "id\tname\nplace:year\tसाल\n", "stoplist.txt": "साल\n"]
    let found = try lint(files.merging(["manifest.json": manifest("")]) { $1 })
    #expect(
      found == [
        "p.tsv:2: 'साल' is the ordinary word 'साल' (stoplist.txt:1) and would be tagged wherever the word is used; remove it, or use a longer form of the name"
      ])
    let missing = try lint(
      files.merging(["manifest.json": manifest(#""stoplist": "words.txt","#)]) { $1 })
    #expect(
      missing == [
        "manifest.json:1: cannot read 'words.txt', named under \"stoplist\": cannot open the file; add the file or correct its path"
      ])
    let none = try lint(["manifest.json": manifest(""), "p.tsv": files["p.tsv"]!])
    #expect(none.isEmpty)
  }

  @Test("a row with several problems gets a finding for each")
  func severalInOneRow() throws {
    let found = try lint([
      "manifest.json":
        #"{"format": 1, "labels": [{"name": "PLACE"}], "files": [{"path": "p.tsv"}]}"#,
      "p.tsv": "id\tlabel\tname\n\tPLAC\t\n",
    ])
    #expect(
      found.map { String($0.prefix(while: { $0 != ";" })) } == [
        "p.tsv:2: empty 'id'", "p.tsv:2: empty 'name'", "p.tsv:2: unknown label 'PLAC'",
      ])
  }

  @Test("NFC differences are shown as the code points that differ")
  func nfcDifference() {
    #expect(GazetteerLinter.nfcDifference("मॉस्को") == nil)
    #expect(GazetteerLinter.nfcDifference("Moscow") == nil)
    let difference = GazetteerLinter.nfcDifference("ज\u{095B}ी")
    #expect(difference?.found == "U+095B" && difference?.nfc == "U+091C U+093C")
    let reordered = GazetteerLinter.nfcDifference("e\u{0301}\u{0323}x")  // marks out of order
    #expect(reordered?.found == "U+0065 U+0301 U+0323" && reordered?.nfc == "U+1EB9 U+0301")
  }

  /// Lints a gazetteer directory made of `files` and returns the findings with its path
  /// removed.
  func lint(_ files: [String: String]) throws -> [String] {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("gazetag-lint-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    for (name, contents) in files {
      try contents.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return messages(GazetteerLinter().lint(contentsOf: url), under: url)
  }
}
