import Testing

@testable import Gazetag

/// The article the project started from (`../shared/seed/`): the bundled gazetteer must find
/// every person, place, weapon and country mention in it, both spellings of Kim Jong Un, Kim
/// Yong-hyun and the two garbled missile names through their designator families, and nothing
/// that is not a name. Reviewed by hand; the glued `बातचीतरूसी` is one token and rightly not a
/// match.
@Suite struct SeedArticleTests {
  @Test("the seed article's spans, in order")
  func seedSpans() throws {
    let text = try Fixtures.text(of: Fixtures.seedArticle)
    let spans = try Tagger(gazetteer: .bundled).spans(in: text)
    #expect(
      spans.map { "\($0.label) \($0.text)" } == [
        "COUNTRY यूक्रेन",
        "COUNTRY रूस",
        "COUNTRY उत्तर कोरिया",
        "PLACE प्योंगयांग",
        "PLACE मॉस्को",
        "PLACE बीजिंग",
        "WEAPON ह्वासोंग-23ए",
        "WEAPON केएन-2024",
        "COUNTRY यूक्रेन",
        "NORP रूसी",
        "PLACE प्योंगयांग",
        "NORP यूक्रेनी",
        "NORP उत्तर कोरियाई",
        "COUNTRY दक्षिण कोरिया",
        "PERSON किम योंग-ह्यून",
        "PLACE डोनबास",
        "NORP यूक्रेनी",
        "NORP उत्तर कोरियाई",
        "COUNTRY यूक्रेन",
        "PLACE मॉस्को",
        "COUNTRY उत्तर कोरिया",
        "PLACE मॉस्को",
        "COUNTRY उत्तर कोरिया",
        "PERSON किम जोंग अन",
        "PLACE व्लादिवोस्तोक",
        "NORP रूसी",
        "PERSON व्लादिमीर पुतिन",
        "COUNTRY यूक्रेन",
        "NORP रूसी",
        "ORG संयुक्त राष्ट्र",
        "COUNTRY रूस",
        "NORP उत्तर कोरियाई",
        "PLACE प्योंगयांग",
        "PLACE मॉस्को",
        "COUNTRY उत्तर कोरिया",
        "COUNTRY रूस",
        "PERSON किम जोंग उन",
        "COUNTRY रूस",
        "PLACE क्रेमलिन",
        "NORP उत्तर कोरियाई",
        "PLACE कोम्सोमोल्स्क",
        "NORP रूसी",
        "PLACE यूरेशिया",
        "PLACE दावोस",
      ])
    let families = spans.filter { $0.designator != nil }
    #expect(families.map(\.entry.id) == ["weapon:hwasong", "weapon:kn"])
    #expect(families.map(\.designator) == ["23ए", "2024"])
  }
}
