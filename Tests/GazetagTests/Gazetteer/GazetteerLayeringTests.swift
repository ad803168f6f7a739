import Foundation
import Testing

@testable import Gazetag

/// A gazetteer layered over another (`tag --extend`), and gazetteers given side by side.
@Suite struct GazetteerLayeringTests {
  static let location = SourceLocation(file: "x.tsv", line: 1)

  func entry(_ id: String, _ label: String, _ name: String, line: Int = 1, file: String = "a.tsv")
    -> GazetteerEntry
  {
    GazetteerEntry(
      id: id, label: label, name: name, location: SourceLocation(file: file, line: line))
  }

  var base: Gazetteer {
    Gazetteer(
      labels: [LabelDefinition(name: "PLACE", priority: 1)],
      entries: [entry("RU", "PLACE", "रूस", line: 1), entry("KP", "PLACE", "उत्तर कोरिया", line: 2)],
      profile: .standard)
  }

  @Test("a layer's entry replaces the base entry with its id; its own come after the base's")
  func layering() throws {
    let layer = Gazetteer(
      labels: [LabelDefinition(name: "PERSON", priority: 5)],
      entries: [
        entry("RU", "PLACE", "रूसी संघ", file: "b.tsv"),
        entry("person:a", "PERSON", "दिनकर", line: 2, file: "b.tsv"),
      ],
      profile: .standard)
    let layered = try Gazetteer(layering: layer, over: base)
    #expect(layered.entries.map(\.id) == ["KP", "RU", "person:a"])
    #expect(layered.entries[1].name == "रूसी संघ")
    #expect(layered.labels.map(\.name) == ["PLACE", "PERSON"])
    let spans = try Tagger(gazetteer: layered).spans(in: "रूस और रूसी संघ, दिनकर, उत्तर कोरिया")
    #expect(spans.map(\.entry.id) == ["RU", "person:a", "KP"])
    #expect(spans.map(\.text) == ["रूसी संघ", "दिनकर", "उत्तर कोरिया"])
  }

  @Test("a layer with another profile is refused unless one is chosen")
  func layeringProfiles() throws {
    let layer = Gazetteer(labels: [], entries: [], profile: .exact)
    #expect(throws: GazetteerError.profileConflict(first: "standard", second: "exact")) {
      try Gazetteer(layering: layer, over: base)
    }
    #expect(try Gazetteer(layering: layer, over: base, profile: .exact).profile == .exact)
  }

  @Test("side by side, an id two gazetteers use is refused at the later entry")
  func combiningDuplicateIDs() throws {
    let other = Gazetteer(
      labels: base.labels,
      entries: [entry("KP", "PLACE", "डीपीआरके", line: 7, file: "b.tsv")],
      profile: .standard)
    #expect(
      throws: GazetteerError.duplicateID(
        SourceLocation(file: "b.tsv", line: 7), id: "KP",
        first: SourceLocation(file: "a.tsv", line: 2))
    ) {
      try Gazetteer(combining: [base, other])
    }
    let unrelated = Gazetteer(
      labels: base.labels, entries: [entry("JP", "PLACE", "जापान", file: "b.tsv")],
      profile: .standard)
    #expect(try Gazetteer(combining: [base, unrelated]).entries.count == 3)
    // Within one gazetteer a repeated id is lint's business, as when loading it alone.
    var repeated = base
    repeated.entries.append(entry("RU", "PLACE", "रशिया", line: 3))
    #expect(try Gazetteer(combining: [repeated, unrelated]).entries.count == 4)
  }

  @Test("a layer directory may use the labels of the gazetteer it extends")
  func inheritsLabels() throws {
    let url = Fixtures.url("layer")
    #expect(throws: GazetteerError.self) { try Gazetteer(contentsOf: url) }
    let layer = try Gazetteer(contentsOf: url, extending: .bundled)
    #expect(layer.entries.count == 3)
    #expect(layer.profile == .standard)
    let layered = try Gazetteer(layering: layer, over: .bundled)
    #expect(layered.entries.count == Gazetteer.bundled.entries.count + 2)
    #expect(layered.labels == Gazetteer.bundled.labels)
  }

  @Test("lint of a layer reports the ids it replaces and spellings the base has, at file:line")
  func lintLayer() throws {
    let report = GazetteerLinter().lint(
      contentsOf: Fixtures.url("layer"), extending: .bundled)
    let found = report.findings.map { ($0.rule, $0.location?.line ?? 0) }
    #expect(found.map(\.0) == [.replacedEntry, .baseAlias])
    #expect(found.map(\.1) == [4, 5])
    #expect(report.errorCount == 0)
    #expect(report.findings[0].location?.file.hasSuffix("layer/people.tsv") == true)
    #expect(report.findings[0].description.contains("bundled:people.tsv:"))
    #expect(report.findings[1].description.contains("(PLACE, bundled:places.tsv:"))
  }
}
