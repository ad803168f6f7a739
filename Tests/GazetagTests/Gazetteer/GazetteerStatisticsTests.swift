import Foundation
import Testing

@testable import Gazetag

@Suite struct GazetteerStatisticsTests {
  let statistics = GazetteerStatistics(try! Gazetteer(contentsOf: Fixtures.url("gazetteer")))

  @Test("counts entries per label in declaration order, per source, aliases and families")
  func counts() {
    #expect(
      statistics.labels.map { "\($0.name)=\($0.count)" } == [
        "PERSON=5", "WEAPON=2", "COUNTRY=3", "PLACE=9", "NORP=2",
      ])
    #expect(statistics.sources == [.init(name: "unspecified", count: 21)])
    #expect(statistics.entries == 21)
    #expect(statistics.aliases == 3)
    #expect(statistics.families == 1)
  }

  @Test("JSON: labels, sources, entries, aliases, families, in that order")
  func json() throws {
    #expect(
      statistics.json
        == #"{"labels": {"PERSON": 5, "WEAPON": 2, "COUNTRY": 3, "PLACE": 9, "NORP": 2}, "sources": {"unspecified": 21}, "entries": 21, "aliases": 3, "families": 1}"#
    )
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(statistics.json.utf8)) as? [String: Any])
    #expect((object["labels"] as? [String: Int])?["PLACE"] == 9)
    #expect(object["entries"] as? Int == 21)
  }

  @Test("the table aligns the numbers in one column")
  func table() {
    #expect(
      statistics.table == """
        labels
          PERSON        5
          WEAPON        2
          COUNTRY       3
          PLACE         9
          NORP          2
        sources
          unspecified  21
        entries        21
        aliases         3
        families        1

        """)
  }

  @Test("sources are sorted by name; declared labels without entries count 0")
  func sourcesAndEmptyLabels() {
    let location = SourceLocation(file: "x.tsv", line: 1)
    let gazetteer = Gazetteer(
      labels: [LabelDefinition(name: "ORG"), LabelDefinition(name: "PLACE")],
      entries: [
        GazetteerEntry(id: "a", label: "PLACE", name: "क", source: "curated", location: location),
        GazetteerEntry(id: "b", label: "PLACE", name: "ख", source: "cldr", location: location),
        GazetteerEntry(id: "c", label: "PLACE", name: "ग", source: "cldr", location: location),
      ], profile: .standard)
    let statistics = GazetteerStatistics(gazetteer)
    #expect(statistics.labels.map(\.count) == [0, 3])
    #expect(statistics.sources.map(\.name) == ["cldr", "curated"])
    #expect(statistics.sources.map(\.count) == [2, 1])
  }

  @Test("the table keeps the counts in their own column when a long name has a small count")
  func tableWithLongName() {
    let location = SourceLocation(file: "x.tsv", line: 1)
    let gazetteer = Gazetteer(
      labels: [LabelDefinition(name: "PLACE")],
      entries: (0..<1200).map {
        GazetteerEntry(
          id: "p\($0)", label: "PLACE", name: "क", source: $0 < 3 ? "cldr+curated" : "cldr",
          location: location)
      }, profile: .standard)
    #expect(
      GazetteerStatistics(gazetteer).table == """
        labels
          PLACE         1200
        sources
          cldr          1197
          cldr+curated     3
        entries         1200
        aliases            0
        families           0

        """)
  }
}
