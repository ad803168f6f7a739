import Foundation
import Testing

import CGazetagBundled
@testable import Gazetag

@Suite struct BundledGazetteerTests {
  @Test("the embedded compiled gazetteer is gazetteer/ compiled (run Scripts/embed-gazetteer.sh)")
  func inSync() throws {
    // Relative to the repository, as the script names it, so that the recorded paths agree.
    let directory = URL(fileURLWithPath: "gazetteer", relativeTo: Fixtures.repositoryRoot)
    let compiled = try CompiledGazetteer.compile(contentsOf: directory, reproducible: true)
    var size = 0
    let pointer = try #require(gz_bundled_gazetteer(&size))
    let embedded = Array(UnsafeRawBufferPointer(start: pointer, count: size))
    // Compared first: a failed #expect on the arrays themselves would print megabytes.
    let inSync = embedded == compiled
    #expect(
      inSync,
      "Sources/CGazetagBundled/bundled-gazetteer.gzc is stale: run Scripts/embed-gazetteer.sh")
  }

  @Test("the bundled gazetteer decodes to gazetteer/ as read from its files, as bundled:FILE")
  func sameEntries() throws {
    let directory = URL(fileURLWithPath: "gazetteer", relativeTo: Fixtures.repositoryRoot)
    let source = try Gazetteer(contentsOf: directory)
    let bundled = Gazetteer.bundled
    #expect(bundled.labels == source.labels)
    #expect(bundled.entries.count == source.entries.count)
    #expect(bundled.entries.first?.location.description == "bundled:people.tsv:4")
    for (a, b) in zip(bundled.entries, source.entries) {
      var relocated = b
      relocated.location.file = "bundled:" + b.location.file.dropFirst("gazetteer/".count)
      #expect(a == relocated)
    }
    #expect(Stoplist.bundled.words.count > 50)
    #expect(Stoplist.bundled.words.first?.location.file == "bundled:stoplist.txt")
  }

  @Test("the bundled gazetteer loads and compiles")
  func compiles() throws {
    let gazetteer = Gazetteer.bundled
    #expect(
      Set(gazetteer.labels.map(\.name)) == ["PERSON", "PLACE", "COUNTRY", "WEAPON", "ORG", "NORP"])
    #expect(gazetteer.entries.count > 20)
    _ = try Tagger(gazetteer: gazetteer)
  }
}
