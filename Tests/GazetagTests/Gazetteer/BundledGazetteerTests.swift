import Foundation
import Testing

@testable import Gazetag

@Suite struct BundledGazetteerTests {
  @Test("the embedded copy equals gazetteer/ (run Scripts/embed-gazetteer.sh after editing it)")
  func inSync() throws {
    let directory = Fixtures.repositoryRoot.appendingPathComponent("gazetteer")
    let onDisk = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".tsv") || $0.hasSuffix(".txt") || $0 == "manifest.json" }.sorted()
    let embedded = BundledGazetteerFiles.files.map(\.0).sorted()
    #expect(embedded == onDisk)
    for (name, contents) in BundledGazetteerFiles.files {
      let file = try Fixtures.text(of: directory.appendingPathComponent(name))
      #expect(contents == file, "gazetteer/\(name) differs from its embedded copy")
    }
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
