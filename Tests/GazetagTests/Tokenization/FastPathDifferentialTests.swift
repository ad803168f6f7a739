import Testing

@testable import Gazetag

/// The fast tokenizer must give exactly ICU's segments and the same kinds. These tests run
/// both strategies over the same text and compare every token: a large pseudo-random corpus
/// (fixed seed) and systematic probes of every code point the fast path handles itself.
@Suite struct FastPathDifferentialTests {
  /// Compares the two strategies on `text`; on a difference, reports the first differing
  /// token with the text around it.
  func expectSameTokens(
    _ text: String, _ comment: String = "",
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let fast = Tokenizer(strategy: .fast).tokens(in: text)
    let icu = Tokenizer(strategy: .icu).tokens(in: text)
    guard fast != icu else { return }
    let bytes = Array(text.utf8)
    let index =
      zip(fast, icu).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(fast.count, icu.count)
    let position = index < icu.count ? icu[index].utf8Range.lowerBound : bytes.count
    let lower = max(0, position - 40)
    let upper = min(bytes.count, position + 40)
    let context = String(decoding: bytes[lower..<upper], as: UTF8.self)
    func describe(_ tokens: [Token]) -> String {
      tokens[index..<min(tokens.count, index + 4)].map {
        "\(String(decoding: bytes[$0.utf8Range], as: UTF8.self).unicodeScalars.map { String($0.value, radix: 16) })/\($0.kind)"
      }.joined(separator: " ")
    }
    Issue.record(
      """
      \(comment) fast and ICU tokens differ at byte \(position): \
      \(context.unicodeScalars.map { String($0.value, radix: 16) })
      fast: \(describe(fast))
      icu:  \(describe(icu))
      """, sourceLocation: sourceLocation)
  }

  @Test("fast path = ICU on 2 MB of generated text", arguments: [7 as UInt64, 2024, 90210])
  func generatedCorpus(seed: UInt64) {
    let text = GeneratedText.corpus(size: 700_000, seed: seed)
    #expect(text.utf8.count >= 700_000)
    expectSameTokens(text, "seed \(seed):")
  }

  @Test("fast path = ICU on dense random strings over one character of each word-break class")
  func denseClassMix() {
    // No whitespace between: every character meets every other class as a neighbour.
    let alphabet: [String] = [
      "a", "Z", "क", "ि", "्", "़", "1", "१", ".", ",", "'", ":", ";", "_", "\u{200D}", "\u{200C}",
      "\u{00AD}", " ", "\t", "\n", "\r", "\u{00A0}", "\u{2003}", "\u{202F}", "-", "।", "\"", "·",
      "’", "😀", "🇮", "🇳", "א", "ア", "中", "ก", "@", "\u{0301}", "\u{FEFF}", "\u{2024}",
    ]
    var generator = GeneratedText.Generator(state: 42)
    for _ in 0..<40 {
      var text = ""
      for _ in 0..<20_000 {
        text += alphabet.randomElement(using: &generator)!
      }
      expectSameTokens(text)
    }
  }

  // MARK: - Every code point of the table in every context

  /// The code points the fast path segments itself.
  static let tableScalars: [Unicode.Scalar] = (0..<ScalarClassTable.limit).compactMap {
    guard
      ScalarClassTable.shared.entry($0) & ScalarClassTable.classMask != ScalarClassTable.complex
    else { return nil }
    return Unicode.Scalar($0)
  }

  @Test("every table code point between letters, numbers, spaces, marks and itself")
  func everyCodePointInContext() {
    #expect(Self.tableScalars.count > 1_000)
    let contexts = [
      "a#b", "क#ख", "1#2", "१#२", "a#1", "1#a", "#", "##", "###", " # ", "# #", "\u{0301}#",
      "#\u{0301}", "#\u{200D}", "\u{200D}#", "a#\u{0301}b", "a\u{0301}#b", ".#.", "#'#", "_#_",
      "\r#\n", "#\r\n", "\n#", "a.#", "1,#", "# a", "a #", "#\u{00AD}a", "😀#", "#😀", "#@", "@#",
      "א#", "#א", "中#", "#\u{1F1E6}",
    ]
    for context in contexts {
      let pieces = Self.tableScalars.map { scalar in
        context.replacingOccurrences(of: "#", with: String(Character(scalar)))
      }
      // A line feed between probes is a certain boundary, so the probes stay independent.
      expectSameTokens(pieces.joined(separator: "\n"), "context \(context):")
    }
  }

  @Test("every triple of class representatives")
  func classTriples() {
    let representatives: [Unicode.Scalar] = [
      "a", "क", "1", "१", "_", ".", ",", ":", "'", "\"", "·", " ", "\t", "\r", "\n", "\u{000B}",
      "\u{0301}", "ि", "\u{200D}", "\u{200C}", "\u{00AD}", "\u{2003}", "\u{202F}", "-", "।",
      "\u{00A0}", "😀", "@", "א",
    ]
    var text = String.UnicodeScalarView()
    for a in representatives {
      for b in representatives {
        for c in representatives {
          text.append(contentsOf: [a, b, c, "\n"])
        }
      }
    }
    expectSameTokens(String(text))
  }

  @Test("the fixture texts and the README example")
  func fixtureTexts() throws {
    let example = try Fixtures.text(
      of: Fixtures.repositoryRoot.appendingPathComponent("Examples/hindi-news.txt"))
    expectSameTokens(example)
    expectSameTokens(try Fixtures.text(of: Fixtures.exampleArticle))
    expectSameTokens("")
    expectSameTokens("😀")
    expectSameTokens("रूस 😀")
    expectSameTokens("\u{0301}")
  }
}
