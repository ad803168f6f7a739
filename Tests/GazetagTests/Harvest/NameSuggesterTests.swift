import Foundation
import Testing

@testable import Gazetag

@Suite struct NameSuggesterTests {
  @Test(
    "title guesses and unknown words before a head word, ranked, with contexts, as a directory lint passes"
  )
  func suggestions() throws {
    let suggester = try NameSuggester(compiled: .bundled)
    let found = suggester.suggestions(in: [
      "कल श्री रामलाल ने कहा। फिर श्री रामलाल ने भाषण दिया।", "झुमरीतलैया सरकार और केरल सरकार में",
    ])
    #expect(found.map(\.name) == ["रामलाल", "झुमरीतलैया"])
    #expect(found.map(\.label) == ["PERSON", "PLACE"])
    #expect(found.map(\.count) == [2, 1])
    #expect(found[0].contexts == ["कल श्री [रामलाल] ने कहा। फिर", "कहा। फिर श्री [रामलाल] ने भाषण दिया।"])
    let files = NameSuggester.reviewDirectory(found, labels: CompiledGazetteer.bundled.labels)
    let url = try gazetteerDirectory(files)
    defer { try? FileManager.default.removeItem(at: url) }
    let report = GazetteerLinter().lint(contentsOf: url)
    #expect(report.findings.isEmpty, "\(report.findings)")
    #expect(
      try Gazetteer(contentsOf: url).entries.map(\.id) == [
        "person:suggested-1", "place:suggested-2",
      ])
  }
}
