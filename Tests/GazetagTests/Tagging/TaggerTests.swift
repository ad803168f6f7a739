import Foundation
import Testing

@testable import Gazetag

@Suite struct TaggerTests {
  let tagger = try! Tagger(gazetteer: .bundled)

  @Test("on the example article every span's text is the code-point slice of the input")
  func exampleSlices() throws {
    let text = try Fixtures.text(of: Fixtures.exampleArticle)
    let scalars = Array(text.unicodeScalars)
    let spans = tagger.spans(in: text)
    #expect(spans.count > 20)
    for span in spans {
      let slice = String(String.UnicodeScalarView(scalars[span.range(in: .codePoint)]))
      #expect(slice == span.text)
    }
    #expect(zip(spans, spans.dropFirst()).allSatisfy { $0.end.codePoint <= $1.start.codePoint })
  }

  @Test(
    "on the example article रूस is never found inside रूसी, nor उत्तर कोरिया inside उत्तर कोरियाई")
  func exampleWholeWords() throws {
    let text = try Fixtures.text(of: Fixtures.exampleArticle)
    let scalars = Array(text.unicodeScalars)
    let spans = tagger.spans(in: text)
    for span in spans where span.text == "रूस" || span.text == "उत्तर कोरिया" {
      let end = span.end.codePoint
      #expect(
        end == scalars.count
          || !scalars[end].properties.isAlphabetic
            && scalars[end].properties.generalCategory != .spacingMark
            && scalars[end].properties.generalCategory != .nonspacingMark
      )
    }
    #expect(spans.contains { $0.text == "रूसी" && $0.label == "NORP" })
    #expect(spans.contains { $0.text == "उत्तर कोरियाई" && $0.label == "NORP" })
    #expect(spans.contains { $0.text == "रूस" && $0.label == "COUNTRY" })
    #expect(spans.contains { $0.text == "उत्तर कोरिया" && $0.label == "COUNTRY" })
  }

  @Test(
    "UTF-8 and UTF-16 offsets slice the original after an emoji", arguments: OffsetUnit.allCases)
  func offsetUnits(unit: OffsetUnit) {
    let text = "😀🇮🇳 किम जोंग उन ने ह्वासोंग-११ का परीक्षण किया और 𝕏 पर मॉस्को लिखा"
    let spans = tagger.spans(in: text)
    #expect(spans.map(\.text) == ["किम जोंग उन", "ह्वासोंग-११", "मॉस्को"])
    for span in spans {
      let range = span.range(in: unit)
      let slice: String =
        switch unit {
        case .utf8: String(decoding: Array(text.utf8)[range], as: UTF8.self)
        case .utf16: String(decoding: Array(text.utf16)[range], as: UTF16.self)
        case .codePoint: String(String.UnicodeScalarView(Array(text.unicodeScalars)[range]))
        }
      #expect(slice == span.text)
    }
    #expect(spans[0].start.utf8 == 13 && spans[0].start.utf16 == 7 && spans[0].start.codePoint == 4)
  }

  @Test("a family span reports its designator's key")
  func designator() {
    let spans = tagger.spans(in: "ह्वासोंग-११ और ह्वासोंग 23ए")
    #expect(spans.map(\.designator) == ["11", "23ए"])
    #expect(spans.allSatisfy { $0.entry.id == "weapon:hwasong" })
  }

  @Test("--fold exact stops the spelling folds")
  func exactOverride() throws {
    let exact = try Tagger(gazetteer: .bundled, options: TaggerOptions(profile: .exact))
    #expect(exact.spans(in: "मॉस्को").count == 1)
    #expect(exact.spans(in: "मास्को मॉस्को").count == 2)
    #expect(exact.spans(in: "डोनबास").count == 1)
    #expect(exact.spans(in: "ह्वासोंग ११").count == 1)
  }
}
