import Testing

@testable import Gazetag

/// ``CertainBoundary`` checked against ICU itself: wherever it says a boundary is certain, ICU
/// has one there in the whole text, and the two parts tokenize as the whole does.
@Suite struct CertainBoundaryTests {
  typealias Generator = GeneratedText.Generator

  /// Characters of every word-break class and of none that the table settles, including the
  /// ones whose Unicode property and ICU's sets differ (`@`, `:`) and white space that joins
  /// (U+202F is ExtendNumLet).
  static let pieces: [String] = [
    "a", "Z", "क", "ि", "्", "\u{093C}", "1", "१", "_", "\u{202F}", ".", ",", ";", ":", "'",
    "\"", "’", "·", "-", "+", "/", "=", "(", "।", "@", "#", "\t", " ", "  ", "\u{00A0}", "\u{3000}",
    "\n", "\r", "\r\n", "\u{2028}", "\u{200D}", "\u{200C}", "\u{00AD}", "\u{0301}", "😀", "👍🏽",
    "🇮", "🇳", "©", "א", "カ", "中", "ก", "한", "ء", "Ж", "\u{FF1A}", "\u{FE55}", "٫", "\u{2060}",
  ]

  /// The token ranges of `bytes`, in UTF-8 bytes.
  static func tokens(_ bytes: [UInt8], strategy: Tokenizer.Strategy = .icu) -> [Range<Int>] {
    bytes.withUnsafeBufferPointer {
      Tokenizer(strategy: strategy).tokens(inUTF8: $0).map(\.utf8Range)
    }
  }

  @Test("a certain boundary is an ICU boundary, and both parts tokenize as the whole does")
  func certainBoundariesAgreeWithICU() {
    var generator = Generator(state: 20_261_206)
    var checked = 0
    for _ in 0..<3000 {
      let count = Int.random(in: 2...12, using: &generator)
      let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
      let bytes = Array(text.utf8)
      let whole = Self.tokens(bytes)
      #expect(Self.tokens(bytes, strategy: .fast) == whole)
      for offset in 1..<bytes.count {
        let isCertain = bytes.withUnsafeBufferPointer {
          CertainBoundary.isCertain(at: offset, in: $0)
        }
        guard isCertain else { continue }
        checked += 1
        let before = Self.tokens(Array(bytes[..<offset]))
        let after = Self.tokens(Array(bytes[offset...])).map {
          ($0.lowerBound + offset)..<($0.upperBound + offset)
        }
        #expect(
          before + after == whole,
          "\(text.debugDescription) cut at byte \(offset) tokenizes differently")
        let fastBefore = Self.tokens(Array(bytes[..<offset]), strategy: .fast)
        let fastAfter = Self.tokens(Array(bytes[offset...]), strategy: .fast).map {
          ($0.lowerBound + offset)..<($0.upperBound + offset)
        }
        #expect(fastBefore + fastAfter == whole, "the fast path differs")
      }
    }
    #expect(checked > 5000)
  }

  @Test("white space, punctuation and non-joining pairs are certain; joins and attachments are not")
  func examples() {
    func certain(_ before: String, _ after: String) -> Bool {
      let bytes = Array((before + after).utf8)
      return bytes.withUnsafeBufferPointer {
        CertainBoundary.isCertain(at: before.utf8.count, in: $0)
      }
    }
    #expect(certain("किम ", "जोंग"))
    #expect(certain("abc", "+"))
    #expect(certain("+", "abc"))
    #expect(certain("।", "क"))
    #expect(certain("a.", "."))
    #expect(certain("a", ","))
    #expect(certain("1", ":"))
    #expect(!certain("क", "म"))
    #expect(!certain("a", "."))
    #expect(!certain("1", ","))
    #expect(!certain(" ", "\u{0301}"))
    #expect(!certain(" ", " "))
    // U+202F joins what follows it (ExtendNumLet), although it is white space.
    #expect(!certain("a\u{202F}", "b"))
    #expect(!certain("\u{200D}", "😀"))
    #expect(!certain("中", "文"))
  }
}
