import Testing

@testable import Gazetag

@Suite struct NormalizerTests {
  let standard = Normalizer(profile: .standard)
  let exact = Normalizer(profile: .exact)

  @Test(
    "standard folds spelling variants to one key",
    arguments: [
      ("मॉस्को", "मास्को", "candra o ॉ → ा"),
      ("ऑस्ट्रेलिया", "आस्ट्रेलिया", "candra O ऑ → आ"),
      ("\u{095B}ेलेंस्की", "जेलेंस्की", "precomposed nukta dropped"),
      ("\u{091C}\u{093C}ेलेंस्की", "जेलेंस्की", "combining nukta dropped"),
      ("हिन्दी", "हिंदी", "half nasal before a consonant → anusvara"),
      ("चाँद", "चांद", "chandrabindu → anusvara"),
      ("११", "11", "Devanagari digits → ASCII"),
      ("२३ए", "23ए", "digits inside a designator"),
      ("Hwasong", "hwasong", "Latin case fold"),
      ("क्\u{200D}ष", "क्ष", "ZWJ removed"),
      ("क्\u{200C}ष", "क्ष", "ZWNJ removed"),
      ("रू\u{00AD}स", "रूस", "soft hyphen removed"),
    ])
  func folds(variant: String, folded: String, why: String) {
    #expect(standard.key(for: variant) == standard.key(for: folded), "\(why)")
    #expect(standard.key(for: variant) == folded, "\(why)")
  }

  @Test("hyphens, dashes and whitespace are separators under standard")
  func separators() {
    for separator in ["-", "\u{2010}", "\u{2011}", "–", "—", "\u{2212}", " ", "\u{00A0}", "\t\n"] {
      #expect(standard.key(for: separator).isEmpty, "\(separator.unicodeScalars.map(\.value))")
    }
    #expect(exact.key(for: "-") == "-")
    #expect(exact.key(for: " ").isEmpty)
  }

  @Test("exact keeps spelling but applies NFC")
  func exactProfile() {
    #expect(exact.key(for: "मॉस्को") == "मॉस्को")
    #expect(exact.key(for: "\u{095B}") == "\u{091C}\u{093C}")
    #expect(exact.key(for: "Hwasong") == "Hwasong")
  }

  @Test("a virama not before a consonant is kept")
  func finalVirama() {
    #expect(standard.key(for: "भगवान्") == "भगवान्")
    #expect(standard.key(for: "क्या") == "क्या")
  }

  @Test("Latin letters beyond ASCII fold and compose")
  func latin() {
    #expect(standard.key(for: "ÉCOLE") == "école")
    #expect(standard.key(for: "E\u{0301}cole") == "école")
  }
}
