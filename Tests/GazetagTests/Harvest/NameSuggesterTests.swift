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

extension NameSuggesterTests {
  @Test(
    "a word before known people is a learnt title, ordinary words are no names, guesses end before them"
  )
  func learntTitlesAndOrdinaryWords() throws {
    let suggester = try NameSuggester(compiled: .bundled)
    let found = suggester.suggestions(in: [
      // कप्तान comes before a known person 3 times in 5: a learnt title word.
      "कप्तान नरेंद्र मोदी ने कहा। फिर कप्तान महात्मा गांधी आए। कप्तान नरेंद्र मोदी गए। "
        + "कप्तान झुमरू लाल ने कहा। कप्तान झुमरू लाल गए।",
      // वैज्ञानिक is mostly outside names: it ends the guess after श्री.
      "श्री रामलाल वैज्ञानिक ने कहा। यह वैज्ञानिक है। वह वैज्ञानिक था। एक वैज्ञानिक आया। नया वैज्ञानिक गया।",
      // मौजूदा is mostly outside names: no place before सरकार.
      "झुमरीतलैया सरकार और मौजूदा सरकार में। मौजूदा में। मौजूदा से। मौजूदा पर। मौजूदा का।",
    ])
    #expect(found.map(\.name) == ["झुमरू लाल", "रामलाल", "झुमरीतलैया"])
    #expect(found.map(\.label) == ["PERSON", "PERSON", "PLACE"])
    #expect(found.map(\.rule) == ["after:कप्तान", "title-person", "government"])
    #expect(found.map(\.count) == [2, 1, 1])
  }

  /// The fixture documents a measurement (Documentation/Rules.md, "Suggesting names"); the
  /// test keeps it whole and its verdicts known.
  @Test("the hand-checked top 50 on train's text holds at least 30 real names")
  func recordedTop50() throws {
    let url = Fixtures.url("suggest-train-top50.tsv")
    let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
      .filter { !$0.hasPrefix("#") }.dropFirst().map {
        $0.split(separator: "\t", omittingEmptySubsequences: false)
      }
    #expect(rows.count == 50)
    #expect(rows.allSatisfy { ["keep", "keep-fix", "partial", "drop"].contains($0[5]) })
    #expect(rows.filter { $0[5] == "keep" || $0[5] == "keep-fix" }.count >= 30)
  }
}
