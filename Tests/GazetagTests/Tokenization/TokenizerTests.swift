import Testing

@testable import Gazetag

@Suite struct TokenizerTests {
  /// The segments of `text` as strings, whitespace included.
  func segments(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    return Tokenizer().tokens(in: text).map {
      String(decoding: bytes[$0.utf8Range], as: UTF8.self)
    }
  }

  func kinds(_ text: String) -> [TokenKind] {
    Tokenizer().tokens(in: text).map(\.kind)
  }

  @Test("hyphen, non-breaking hyphen and en dash are segments of their own")
  func hyphens() {
    #expect(segments("ह्वासोंग-11") == ["ह्वासोंग", "-", "11"])
    #expect(segments("किम योंग\u{2011}ह्यून") == ["किम", " ", "योंग", "\u{2011}", "ह्यून"])
    #expect(segments("किम योंग–ह्यून") == ["किम", " ", "योंग", "–", "ह्यून"])
    #expect(segments("KN-23") == ["KN", "-", "23"])
  }

  @Test("digits followed by Devanagari letters stay one number token")
  func digitsWithLetters() {
    #expect(segments("ह्वासोंग-23ए") == ["ह्वासोंग", "-", "23ए"])
    #expect(kinds("23ए") == [.number])
    #expect(kinds("१२३ए") == [.number])
    #expect(kinds("A11") == [.word])
  }

  @Test("Devanagari digits and decimals are single number tokens")
  func devanagariDigits() {
    #expect(segments("ह्वासोंग-११") == ["ह्वासोंग", "-", "११"])
    #expect(segments("३.५") == ["३.५"])
    #expect(kinds("११") == [.number])
  }

  @Test("danda and double danda are punctuation tokens")
  func danda() {
    #expect(segments("डोनबास॥") == ["डोनबास", "॥"])
    #expect(segments("रूस।") == ["रूस", "।"])
    #expect(kinds("डोनबास॥") == [.word, .punctuation])
  }

  @Test("ZWJ, ZWNJ and nukta in both forms stay inside the word")
  func joinersAndNukta() {
    #expect(segments("क्\u{200D}ष") == ["क्\u{200D}ष"])
    #expect(segments("क्\u{200C}ष") == ["क्\u{200C}ष"])
    #expect(segments("\u{095B}ेलेंस्की") == ["\u{095B}ेलेंस्की"])
    #expect(segments("\u{091C}\u{093C}ेलेंस्की") == ["\u{091C}\u{093C}ेलेंस्की"])
  }

  @Test("NBSP is a whitespace segment")
  func nbsp() {
    #expect(segments("जोंग\u{00A0}उन") == ["जोंग", "\u{00A0}", "उन"])
    #expect(kinds("जोंग\u{00A0}उन") == [.word, .whitespace, .word])
  }

  @Test("an emoji is a symbol token and offsets after it stay right")
  func emoji() {
    let text = "😀 रूस"
    let tokens = Tokenizer().tokens(in: text)
    #expect(tokens.map(\.kind) == [.symbol, .whitespace, .word])
    #expect(tokens[2].utf8Range == 5..<14)
  }

  @Test("tokens tile the text: every byte belongs to exactly one token")
  func tiling() {
    let text = "फरवरी 2022 में, किम  जोंग\tउन ने\nह्वासोंग-23ए॥ 😀\u{00A0}x"
    let tokens = Tokenizer().tokens(in: text)
    #expect(tokens.first?.utf8Range.lowerBound == 0)
    #expect(tokens.last?.utf8Range.upperBound == text.utf8.count)
    for (a, b) in zip(tokens, tokens.dropFirst()) {
      #expect(a.utf8Range.upperBound == b.utf8Range.lowerBound)
    }
  }

  @Test("empty text has no tokens")
  func empty() {
    #expect(Tokenizer().tokens(in: "").isEmpty)
  }
}
