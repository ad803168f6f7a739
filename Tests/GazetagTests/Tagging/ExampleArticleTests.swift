import Testing

@testable import Gazetag

/// The project's own news-like example (`Examples/korea-russia.txt`): every name in it, in
/// order, and nothing else. Reviewed by hand: both spellings of Kim Jong Un, a name split by a
/// double space (`कुर्स्क  क्षेत्र`), the missile families with a Latin-digit and a
/// Devanagari-digit designator, `रूसी` as a nationality word and never `रूस`, a name before `॥`,
/// and nukta spellings (`ख़िलाफ़` is an ordinary word and stays untagged).
@Suite struct ExampleArticleTests {
  @Test("the example article's spans, in order")
  func exampleSpans() throws {
    let text = try Fixtures.text(of: Fixtures.exampleArticle)
    let spans = try Tagger(gazetteer: .bundled).spans(in: text)
    #expect(
      spans.map { "\($0.label) \($0.text)" } == [
        "COUNTRY उत्तर कोरिया",
        "PERSON किम जोंग अन",
        "PLACE प्योंगयांग",
        "COUNTRY रूस",
        "PERSON किम जोंग उन",
        "PLACE व्लादिवोस्तोक",
        "NORP रूसी",
        "PERSON व्लादिमीर पुतिन",
        "COUNTRY दक्षिण कोरिया",
        "NORP उत्तर कोरियाई",
        "PLACE कुर्स्क  क्षेत्र",
        "PLACE डोनबास",
        "PLACE सियोल",
        "PLACE मॉस्को",
        "WEAPON ह्वासोंग-23ए",
        "WEAPON केएन-२४",
        "COUNTRY यूक्रेन",
        "NORP यूक्रेनी",
        "PLACE कीव",
        "PLACE खारकीव",
        "ORG संयुक्त राष्ट्र",
        "NORP रूसी",
        "PLACE क्रेमलिन",
        "PLACE प्योंगयांग",
        "PLACE बीजिंग",
        "PLACE वॉशिंगटन",
      ])
    #expect(
      spans.filter { $0.text.hasPrefix("किम जोंग") }.map(\.entry.id) == [
        "person:kim-jong-un", "person:kim-jong-un",
      ])
    let families = spans.filter { $0.designator != nil }
    #expect(families.map(\.entry.id) == ["weapon:hwasong", "weapon:kn"])
    #expect(families.map(\.designator) == ["23ए", "24"])
  }
}
