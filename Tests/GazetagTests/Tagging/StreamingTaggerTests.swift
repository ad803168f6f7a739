import Testing

@testable import Gazetag

/// The bounds of streaming on pathological inputs: the planner's work stays linear in the
/// text and the buffer stays bounded whatever the text and the gazetteer, and the spans stay
/// those of the whole text wherever an exact cut exists.
@Suite struct StreamingTaggerTests {
  typealias Generator = GeneratedText.Generator

  static let tagger = try! Tagger(gazetteer: .bundled)

  /// Streams `text` in appends of `step` bytes; returns the spans and the statistics.
  static func stream(
    _ text: String, tagger: Tagger = tagger, chunkSize: Int, step: Int, jobs: Int = 1
  ) -> ([EntitySpan], StreamingTagger.Statistics, bufferLimit: Int) {
    var streaming = StreamingTagger(tagger: tagger, chunkSize: chunkSize, jobs: jobs)
    let bytes = Array(text.utf8)
    var spans: [EntitySpan] = []
    var position = 0
    while position < bytes.count {
      let next = min(bytes.count, position + step)
      spans += streaming.append(bytes[position..<next])
      position = next
    }
    spans += streaming.finish()
    return (spans, streaming.statistics, streaming.bufferLimit)
  }

  /// About `size` bytes without white space: Hindi words and names glued by punctuation.
  static func gluedProse(size: Int) -> String {
    var generator = Generator(state: 7)
    let words = GeneratedText.words + ["उत्तर-कोरिया", "किम-जोंग-उन", "प्योंगयांग", "ह्वासोंग-11"]
    let glue = ["-", "।", ",", "(", ")", "/", "\"", "–", ""]
    var text = ""
    while text.utf8.count < size {
      text += words.randomElement(using: &generator)!
      text += glue.randomElement(using: &generator)!
    }
    return String(text.filter { !$0.isWhitespace })
  }

  /// About `size` bytes of base64: letters and digits with `+`, `/` and `=` now and then.
  static func base64(size: Int) -> String {
    var generator = Generator(state: 11)
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    return String((0..<size).map { _ in alphabet.randomElement(using: &generator)! })
  }

  /// One word of `size` bytes: letters, digits and Devanagari syllables that ICU never breaks.
  static func oneWord(size: Int) -> String {
    var text = ""
    while text.utf8.count < size { text += "abc123कमलx" }
    return text
  }

  @Test(
    "without white space the planner reads a bounded multiple of the text and buffers a bounded amount",
    arguments: ["glued prose", "base64", "one word"])
  func boundedWithoutWhiteSpace(kind: String) throws {
    let size = 1 << 19
    let text =
      switch kind {
      case "glued prose": Self.gluedProse(size: size)
      case "base64": Self.base64(size: size)
      default: Self.oneWord(size: size)
      }
    let (spans, statistics, limit) = Self.stream(text, chunkSize: 4096, step: 1000)
    #expect(statistics.examined <= 16 * text.utf8.count, "the planner read \(statistics.examined)")
    #expect(statistics.peakBuffered <= limit + 1000, "the buffer held \(statistics.peakBuffered)")
    #expect(statistics.cuts > text.utf8.count / (limit + 1000))
    #expect(spans == Self.tagger.spans(in: text))
    if kind == "one word" {
      #expect(!statistics.forced.isEmpty && statistics.forced.allSatisfy { $0 == .splitWord })
    } else {
      #expect(statistics.forced.isEmpty, "forced cuts: \(statistics.forced)")
    }
  }

  @Test("a text without white space is split for --jobs exactly")
  func splitWithoutWhiteSpace() {
    let text = Self.gluedProse(size: 1 << 18)
    let whole = Self.tagger.spans(in: text)
    #expect(!whole.isEmpty)
    let split = Array(text.utf8).withUnsafeBufferPointer {
      Self.tagger.spans(inUTF8: $0, jobs: 4, minimumPiece: 1 << 12)
    }
    #expect(split == whole)
  }

  @Test("an alias longer than the planner's window neither stops the cuts nor is cut through")
  func aliasLongerThanWindow() throws {
    let alias = (0..<1000).map { "w\($0)" }.joined(separator: " ")
    let location = SourceLocation(file: "long.tsv", line: 1)
    var gazetteer = Gazetteer.bundled
    gazetteer.entries.append(
      GazetteerEntry(id: "LONG", label: "ORG", name: alias, location: location))
    let tagger = try Tagger(gazetteer: gazetteer)
    var prose = GeneratedText.corpus(size: 100_000, seed: 5)
    prose += " " + alias + " "
    prose += GeneratedText.corpus(size: 100_000, seed: 6)
    let chunkSize = 4096
    #expect(alias.utf8.count > chunkSize)
    let (spans, statistics, limit) = Self.stream(
      prose, tagger: tagger, chunkSize: chunkSize, step: 512)
    #expect(statistics.peakBuffered <= limit + 512, "the buffer held \(statistics.peakBuffered)")
    #expect(statistics.forced.isEmpty, "forced cuts: \(statistics.forced)")
    let whole = tagger.spans(in: prose)
    #expect(whole.contains { $0.text == alias })
    #expect(spans == whole)
  }
}

extension StreamingTaggerTests {
  @Test("a forced cut keeps the tokens it promises to keep")
  func forcedCutsKeepTheirPromise() {
    var generator = Generator(state: 3)
    let planner = SplitPlanner(tagger: Self.tagger, window: 256)
    var seen: Set<String> = []
    for _ in 0..<400 {
      var text = ""
      while text.utf8.count < 1200 {
        switch Int.random(in: 0..<10, using: &generator) {
        case 0..<6: text += GeneratedText.words.randomElement(using: &generator)!
        case 6..<8: text += GeneratedText.latinWords.randomElement(using: &generator)!
        case 8: text += GeneratedText.number(&generator)
        default: text += GeneratedText.exotic.randomElement(using: &generator)!
        }
      }
      text = String(text.filter { !$0.isWhitespace })
      let bytes = Array(text.utf8)
      let search = bytes.withUnsafeBufferPointer {
        planner.forcedCut(in: $0, near: Int.random(in: 0..<bytes.count, using: &generator))
      }
      guard let cut = search.cut else { continue }
      seen.insert("\(search.exactness)")
      let whole = CertainBoundaryTests.tokens(bytes)
      let parts =
        CertainBoundaryTests.tokens(Array(bytes[..<cut]))
        + CertainBoundaryTests.tokens(Array(bytes[cut...])).map {
          ($0.lowerBound + cut)..<($0.upperBound + cut)
        }
      switch search.exactness {
      case .exact, .sameTokens:
        #expect(parts == whole, "\(text.debugDescription) cut at \(cut)")
      case .splitWord:
        let split = whole.flatMap { token in
          token.contains(cut) && token.lowerBound != cut
            ? [token.lowerBound..<cut, cut..<token.upperBound] : [token]
        }
        #expect(parts == split, "\(text.debugDescription) cut at \(cut)")
        #expect(whole.contains { $0.contains(cut) && $0.count >= 2 * 64 })
      case .separateTexts:
        break
      }
    }
    #expect(seen.contains("splitWord") && seen.contains("sameTokens"), "kinds: \(seen)")
  }
}
