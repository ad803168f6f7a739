import Foundation
import Testing

@testable import Gazetag

/// A seeded random-input property test over tokenizer, matching keys, matcher and resolver:
/// the fuzz target of the suite. `GAZETAG_FUZZ_ITERATIONS` sets the budget (default 1500) and
/// `GAZETAG_FUZZ_SEED` the seed; the test prints how many inputs ran.
@Suite struct TaggerPropertyTests {
  typealias Generator = GeneratedText.Generator

  static let tagger = try! Tagger(gazetteer: .bundled)
  static let allOverlaps = try! Tagger(
    gazetteer: .bundled, options: TaggerOptions(overlaps: .all))

  /// Pieces that random texts are made of: names and near-names, words, every kind of
  /// separator and the characters that trip tokenizers up.
  static let pieces: [String] = {
    var pieces = Gazetteer.bundled.entries.flatMap(\.patterns).map {
      $0.replacingOccurrences(of: "#", with: "11")
    }
    pieces += [
      "रूसी", "कोरियाई", "उत्तर", "में", "और", "ने", "का", "सैनिक", "हिन्दी", "मास्को", "२३ए", "११",
      "23", "A11", "Hwasong", "KN", "-", "–", "—", "\u{2011}", "।", "॥", ",", ".", "'", "\"", "(",
      ")", " ", " ", "  ", "\t", "\n", "\r\n", "\u{00A0}", "\u{200D}", "\u{200C}", "\u{093C}",
      "\u{095B}", "\u{0901}", "\u{0949}", "\u{094D}", "\u{00AD}", "\u{FEFF}", "😀", "👩‍👩‍👧", "🇮🇳",
      "e\u{0301}", "中文", "العربية", "x", "#", "\u{FFFD}", "\u{0300}",
    ]
    return pieces
  }()

  static func randomText(_ generator: inout Generator) -> String {
    var text = ""
    for _ in 0..<Int.random(in: 0...120, using: &generator) {
      text += pieces.randomElement(using: &generator)!
      if Int.random(in: 0..<3, using: &generator) > 0 { text += " " }
    }
    return text
  }

  @Test(
    "random texts: spans are in bounds, whole clusters, ordered, exact in all units, and the same when streamed or split"
  )
  func properties() throws {
    let environment = ProcessInfo.processInfo.environment
    let iterations = environment["GAZETAG_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 1500
    let seed = environment["GAZETAG_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_126
    var generator = Generator(state: seed)
    var spanCount = 0
    for iteration in 0..<iterations {
      let text = Self.randomText(&generator)
      let spans = Self.tagger.spans(in: text)
      spanCount += spans.count
      try check(spans, in: text, iteration: iteration, overlapping: false)
      try check(Self.allOverlaps.spans(in: text), in: text, iteration: iteration, overlapping: true)
      let (streamed, forced) = stream(text, generator: &generator)
      #expect(
        streamed == spans,
        "iteration \(iteration): streamed spans differ for \(text.debugDescription)")
      #expect(forced.isEmpty, "iteration \(iteration): forced cuts \(forced)")
      let split = Array(text.utf8).withUnsafeBufferPointer {
        Self.tagger.spans(inUTF8: $0, jobs: 3, minimumPiece: 64)
      }
      #expect(
        split == spans, "iteration \(iteration): split spans differ for \(text.debugDescription)")
    }
    print("fuzz: \(iterations) inputs, \(spanCount) spans checked (seed \(seed))")
  }

  @Test(
    "random texts without white space: split results are exact, and streamed ones too wherever no cut was forced"
  )
  func propertiesWithoutWhiteSpace() throws {
    let environment = ProcessInfo.processInfo.environment
    let iterations = (environment["GAZETAG_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 1500) / 3
    let seed = environment["GAZETAG_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_206
    var generator = Generator(state: seed)
    var exact = 0
    var forcedCuts = 0
    for iteration in 0..<iterations {
      // Long stretches without white space, a few of them longer than the stream's buffer.
      var text = ""
      for _ in 0..<Int.random(in: 1...6, using: &generator) {
        text += Self.randomText(&generator)
      }
      // White space dropped (every other text: long words, so some cuts are forced), or
      // replaced by punctuation, which ICU must break at too.
      let glue = iteration % 2 == 0 ? [""] : ["", "", "-", "।", "/", ",", "(", "\""]
      text = text.map { $0.isWhitespace ? glue.randomElement(using: &generator)! : String($0) }
        .joined()
      let spans = Self.tagger.spans(in: text)
      try check(spans, in: text, iteration: iteration, overlapping: false)
      let split = Array(text.utf8).withUnsafeBufferPointer {
        Self.tagger.spans(inUTF8: $0, jobs: 3, minimumPiece: 64)
      }
      #expect(
        split == spans, "iteration \(iteration): split spans differ for \(text.debugDescription)")
      let (streamed, forced) = stream(text, generator: &generator)
      try check(streamed, in: text, iteration: iteration, overlapping: false)
      forcedCuts += forced.count
      if forced.isEmpty {
        exact += 1
        #expect(
          streamed == spans,
          "iteration \(iteration): streamed spans differ for \(text.debugDescription)")
      }
    }
    #expect(exact > iterations / 2 && exact < iterations)
    print("fuzz without white space: \(iterations) inputs, \(exact) streamed without a forced cut")
  }

  /// Feeds `text` to a streaming tagger in random pieces (cutting scalars apart too); returns
  /// the spans and the kinds of the cuts that were forced.
  func stream(_ text: String, generator: inout Generator) -> (
    [EntitySpan], [SplitPlanner.Exactness]
  ) {
    var streaming = StreamingTagger(
      tagger: Self.tagger, chunkSize: Int.random(in: 1...200, using: &generator),
      jobs: Int.random(in: 1...2, using: &generator))
    let bytes = Array(text.utf8)
    var spans: [EntitySpan] = []
    var position = 0
    while position < bytes.count {
      let next = min(bytes.count, position + Int.random(in: 1...97, using: &generator))
      spans += streaming.append(bytes[position..<next])
      position = next
    }
    return (spans + streaming.finish(), streaming.statistics.forced)
  }

  func check(_ spans: [EntitySpan], in text: String, iteration: Int, overlapping: Bool) throws {
    let scalars = Array(text.unicodeScalars)
    let utf8 = Array(text.utf8)
    let utf16 = Array(text.utf16)
    var clusterStarts: Set<Int> = [scalars.count]
    var offset = 0
    for character in text {
      clusterStarts.insert(offset)
      offset += character.unicodeScalars.count
    }
    for (index, span) in spans.enumerated() {
      let codePoints = span.range(in: .codePoint)
      #expect(
        codePoints.lowerBound >= 0 && codePoints.upperBound <= scalars.count && !codePoints.isEmpty)
      #expect(
        clusterStarts.contains(codePoints.lowerBound)
          && clusterStarts.contains(codePoints.upperBound),
        "iteration \(iteration): span \(span.text.debugDescription) splits a grapheme cluster")
      #expect(String(String.UnicodeScalarView(scalars[codePoints])) == span.text)
      #expect(String(decoding: utf8[span.range(in: .utf8)], as: UTF8.self) == span.text)
      #expect(String(decoding: utf16[span.range(in: .utf16)], as: UTF16.self) == span.text)
      if index > 0 {
        let previous = spans[index - 1]
        #expect(previous.start.codePoint <= span.start.codePoint)
        if !overlapping {
          #expect(previous.end.codePoint <= span.start.codePoint, "iteration \(iteration): overlap")
        }
      }
    }
  }
}
