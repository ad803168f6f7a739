import Testing

@testable import Gazetag

/// A stage added between matching and resolution is seen alike by whole-text tagging,
/// streaming, `--jobs` pieces and coverage: they all read candidates through the tagger's seam.
@Suite struct CandidateStageTests {
  /// Widens a PLACE candidate over the token after it when no pattern has that token, and
  /// drops a PLACE candidate right after the token `नहीं`: a stage that reads unknown tokens
  /// and looks one token around a match.
  struct WideningStage: CandidateStage {
    var readsUnknownTokens: Bool { true }
    func contextLength(given inner: Int) -> Int { inner + 2 }
    func bounds(_ index: Int, in input: StageInput) -> Bool { false }

    func candidates(
      after candidates: [Candidate], in input: StageInput, decisions: inout [Range<Int>]?
    ) -> [Candidate] {
      var result: [Candidate] = []
      for candidate in candidates {
        let start = candidate.tokens.lowerBound
        decisions?.append(
          max(0, start - 1)..<min(input.keyed.count, candidate.tokens.upperBound + 1))
        if start > 0, Array(input.text(of: start - 1)) == Array("नहीं".utf8) { continue }
        result.append(candidate)
        let next = candidate.tokens.upperBound
        if next < input.keyed.count, input.keyed[next].keyID < 0 {
          var wider = candidate
          wider.tokens = candidate.tokens.lowerBound..<(next + 1)
          result.append(wider)
        }
      }
      return result
    }
  }

  static let gazetteer = Gazetteer(
    labels: [LabelDefinition(name: "PLACE"), LabelDefinition(name: "PERSON")],
    entries: [
      GazetteerEntry(
        id: "place:korea", label: "PLACE", name: "कोरिया",
        location: SourceLocation(file: "t.tsv", line: 2)),
      GazetteerEntry(
        id: "person:kim", label: "PERSON", name: "किम जोंग",
        location: SourceLocation(file: "t.tsv", line: 3)),
    ], profile: .standard)

  static let plain = try! Tagger(gazetteer: gazetteer)
  static let staged: Tagger = {
    var tagger = plain
    tagger.stages = [WideningStage()]
    return tagger
  }()

  /// Many sentences in which the stage changes spans, so that cuts fall near them.
  static let text: String = {
    let sentences = [
      "कोरिया अजनबी से मिले। ", "किम जोंग कोरिया में। ", "नहीं कोरिया अजनबी। ",
      "कोरिया कोरिया अनजान शहर, ", "वह कोरिया\n\nअजनबी था। ",
    ]
    var generator = GeneratedText.Generator(state: 3)
    var text = ""
    while text.utf8.count < 1 << 15 {
      text += sentences.randomElement(using: &generator)!
    }
    return text
  }()

  @Test("the stage changes the spans of whole-text tagging")
  func stageApplies() {
    let spans = Self.staged.spans(in: "कोरिया अजनबी से, नहीं कोरिया")
    #expect(spans.map(\.text) == ["कोरिया अजनबी"])
    #expect(Self.plain.spans(in: "कोरिया अजनबी से, नहीं कोरिया").map(\.text) == ["कोरिया", "कोरिया"])
  }

  @Test("streaming in small pieces sees the stage", arguments: [1, 2])
  func streaming(jobs: Int) {
    let whole = Self.staged.spans(in: Self.text)
    #expect(whole != Self.plain.spans(in: Self.text))
    let (spans, statistics, _) = StreamingTaggerTests.stream(
      Self.text, tagger: Self.staged, chunkSize: 512, step: 300, jobs: jobs)
    #expect(statistics.cuts > 10)
    #expect(spans == whole)
  }

  @Test("--jobs pieces see the stage")
  func pieces() {
    var text = Self.text
    let pieces = text.withUTF8 { Self.staged.spans(inUTF8: $0, jobs: 8, minimumPiece: 64) }
    #expect(pieces == Self.staged.spans(in: Self.text))
  }

  @Test("the planner never cuts between a candidate and the token that decided it")
  func cuts() {
    var text = Self.text
    let planner = SplitPlanner(tagger: Self.staged, window: 256)
    text.withUTF8 { bytes in
      var target = 100
      var cuts = 0
      while target < bytes.count - 100 {
        if let cut = planner.cut(in: bytes, near: target, isWhole: true) {
          cuts += 1
          let before = Self.staged.spans(inUTF8: UnsafeBufferPointer(rebasing: bytes[..<cut]))
          let after = Self.staged.spans(inUTF8: UnsafeBufferPointer(rebasing: bytes[cut...]))
          let whole = Self.staged.spans(inUTF8: bytes)
          let same = before.map(\.text) + after.map(\.text) == whole.map(\.text)
          #expect(same, "the parts of a cut at \(cut) differ from the whole")
        }
        target += 997
      }
      #expect(cuts > 10)
    }
  }

  @Test("coverage scores the spans the stage makes")
  func coverage() {
    let corpus = EvaluationFixtures.marked(
      "⟦कोरिया अजनबी⟧PLACE से मिले", "नहीं कोरिया में", "⟦किम जोंग⟧PERSON ⟦कोरिया अनजान⟧PLACE")
    let staged = CoverageEvaluator(tagger: Self.staged).evaluate(corpus)
    #expect(staged.exact.micro.truePositives == 3)
    #expect(staged.exact.micro.falsePositives == 0)
    let plain = CoverageEvaluator(tagger: Self.plain).evaluate(corpus)
    #expect(plain.exact.micro.truePositives == 1)
  }
}
