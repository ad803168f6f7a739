import Foundation
import Testing

@testable import Gazetag

/// Data-driven matcher cases from `Fixtures/matcher-cases.json`, each named after the
/// phenomenon it pins and explained in the fixture.
@Suite struct MatcherFixtureTests {
  struct Case: Decodable, CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var explanation: String
    var ids: [String]?
    var labels: [String]?
    var overlaps: String?
    var profile: String?
    var testDescription: String { name }
  }

  static let cases: [Case] = {
    let data = try! Data(contentsOf: Fixtures.url("matcher-cases.json"))
    return try! JSONDecoder().decode([Case].self, from: data)
  }()

  static let gazetteer = try! Gazetteer(contentsOf: Fixtures.url("gazetteer"))

  @Test(arguments: cases)
  func matches(_ testCase: Case) throws {
    let marked = MarkedText(testCase.text)
    let options = TaggerOptions(
      labels: testCase.labels.map(Set.init),
      overlaps: OverlapPolicy(rawValue: testCase.overlaps ?? "none")!,
      profile: testCase.profile.map { MatchingProfile(rawValue: $0)! })
    let tagger = try Tagger(gazetteer: Self.gazetteer, options: options)
    let spans = tagger.spans(in: marked.text)
    let found = spans.map {
      MarkedText.Mark(start: $0.start.codePoint, end: $0.end.codePoint, label: $0.label)
    }
    #expect(found == marked.marks, "\(testCase.explanation)")
    if let ids = testCase.ids {
      #expect(spans.map(\.entry.id) == ids, "\(testCase.explanation)")
    }
  }

  @Test("every fixture case has an explanation")
  func explained() {
    #expect(Self.cases.count >= 20)
    #expect(Self.cases.allSatisfy { $0.explanation.count > 20 })
  }
}
