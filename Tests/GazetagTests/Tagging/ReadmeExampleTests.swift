import Testing

@testable import Gazetag

@Suite struct ReadmeExampleTests {
  @Test("the README's library example prints what the README says")
  func readme() throws {
    let tagger = try Tagger(gazetteer: .bundled)
    let lines = tagger.spans(in: "किम जोंग उन ने प्योंगयांग में कहा").map {
      "\($0.range(in: .codePoint)) \($0.label) \($0.text) \($0.entry.id)"
    }
    #expect(
      lines == [
        "0..<11 PERSON किम जोंग उन person:kim-jong-un",
        "15..<25 PLACE प्योंगयांग place:tz:asia-pyongyang",
      ])
  }
}
