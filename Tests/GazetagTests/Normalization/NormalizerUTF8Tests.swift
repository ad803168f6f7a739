import Testing

@testable import Gazetag

/// Keys computed from bytes (``Normalizer/withKey(ofUTF8:_:)``) must equal the keys of
/// ``Normalizer/key(for:)``, byte for byte in NFC, for every token.
@Suite struct NormalizerUTF8Tests {
  func byteKey(_ normalizer: Normalizer, _ token: String) -> String {
    var token = token
    return token.withUTF8 { bytes in
      normalizer.withKey(ofUTF8: bytes) { String(decoding: $0, as: UTF8.self) }
    }
  }

  /// The reference: the string key in NFC, as bytes.
  func stringKey(_ normalizer: Normalizer, _ token: String) -> [UInt8] {
    Array(Normalizer.canonical(normalizer.key(for: token)).utf8)
  }

  @Test(
    "byte keys equal string keys on every token of a generated corpus",
    arguments: MatchingProfile.allCases)
  func generatedTokens(profile: MatchingProfile) {
    let normalizer = Normalizer(profile: profile)
    var text = GeneratedText.corpus(size: 300_000, seed: 11)
    var checked = 0
    var folded = 0
    text.withUTF8 { bytes in
      for token in Tokenizer().tokens(inUTF8: bytes) {
        let tokenText = bytes.string(in: token.utf8Range)
        let key = byteKey(normalizer, tokenText)
        let expected = stringKey(normalizer, tokenText)
        #expect(
          Array(key.utf8) == expected,
          "\(tokenText.unicodeScalars.map { String($0.value, radix: 16) })")
        checked += 1
        if Array(key.utf8) != Array(tokenText.utf8) { folded += 1 }
      }
    }
    #expect(checked > 40_000)
    #expect(folded > 1_000, "the corpus must exercise the folds")
  }

  @Test(
    "folds at the edges of the byte path",
    arguments: [
      "हिन्दी", "न्\u{200D}द", "न\u{094D}\u{093C}द", "न\u{093C}\u{094D}द", "ऩ्द", "ङ्क", "म्\u{0958}",
      "न्", "न्-", "न्a", "\u{0958}\u{094D}", "क\u{0951}\u{094D}", "न\u{0951}\u{094D}क",
      "\u{0929}", "\u{0928}\u{093C}", "\u{0931}", "\u{0934}", "\u{093C}", "११२", "HWASONG-11",
      "-", "–", "\u{2212}", "\u{200D}", "\u{200C}\u{200D}", "  ", "\t", "a b", "é", "E\u{0301}",
      "\u{00AD}", "\u{FEFF}", "ॉ", "ऑ", "चाँद", "ॐ", "\u{0900}", "ॿ", "x\u{2060}y",
    ])
  func edges(token: String) {
    for profile in MatchingProfile.allCases {
      let normalizer = Normalizer(profile: profile)
      #expect(Array(byteKey(normalizer, token).utf8) == stringKey(normalizer, token), "\(profile)")
    }
  }

  @Test("canonical UTF-8 is NFC, and ASCII and plain Devanagari pass through unchanged")
  func canonicalForm() {
    func canonical(_ text: String) -> String {
      var text = text
      return text.withUTF8 { bytes in
        Normalizer.withCanonicalUTF8(bytes) { String(decoding: $0, as: UTF8.self) }
      }
    }
    #expect(Array(canonical("\u{095B}").utf8) == Array("\u{091C}\u{093C}".utf8))
    #expect(Array(canonical("\u{0928}\u{093C}").utf8) == Array("\u{0929}".utf8))
    #expect(Array(canonical("e\u{0301}").utf8) == Array("\u{00E9}".utf8))
    #expect(canonical("किम जोंग-उन 11") == "किम जोंग-उन 11")
    #expect(canonical("") == "")
  }

  @Test("the Devanagari NFC equals ICU's on random nukta, virama and letter sequences")
  func devanagariNFCAgainstICU() {
    let alphabet: [Unicode.Scalar] = [
      "\u{0928}", "\u{0930}", "\u{0933}", "\u{0915}", "\u{091C}", "\u{093C}", "\u{094D}",
      "\u{0929}", "\u{0931}", "\u{0934}", "\u{0958}", "\u{095B}", "\u{095F}", "\u{0901}",
      "\u{093E}", "\u{200D}", "a", " ",
    ]
    var generator = GeneratedText.Generator(state: 17)
    var normalizedHere = 0
    for _ in 0..<5_000 {
      let text = String(
        String.UnicodeScalarView(
          (0..<Int.random(in: 1...8, using: &generator)).map { _ in
            alphabet.randomElement(using: &generator)!
          }))
      var copy = text
      let ours = copy.withUTF8 { bytes in
        Normalizer.withCanonicalUTF8(bytes) { Array($0) }
      }
      #expect(
        ours == Array(Normalizer.nfc(text).utf8),
        "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
      if text.unicodeScalars.contains(where: { [0x093C, 0x0929, 0x0958].contains($0.value) }) {
        normalizedHere += 1
      }
    }
    #expect(normalizedHere > 1_000)
  }
}
