import Foundation
import Testing

@testable import Gazetag

/// Checks scoring and tag decoding against numbers seqeval computed independently. The
/// fixture `Fixtures/evaluation/seqeval/news.iob2.seqeval.json` records the command, the
/// seqeval version and its output; `crosscheck.py` beside it made it. No Python runs here.
@Suite struct SeqevalCrossCheckTests {
  typealias F = EvaluationFixtures

  struct Expected: Decodable {
    struct Scores: Decodable {
      var precision: Double
      var recall: Double
      var f1: Double
    }
    struct Chunks: Decodable {
      var tags: [String]
      var entities: [[Entity]]
    }
    enum Entity: Decodable, Equatable {
      case type(String)
      case index(Int)
      init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let index = try? container.decode(Int.self) {
          self = .index(index)
        } else {
          self = .type(try container.decode(String.self))
        }
      }
    }
    var seqeval: String
    var command: String
    var labels: [String: Scores]
    var micro: Scores
    var macro: Scores
    var y_pred: [[String]]
    var chunks: [Chunks]
  }

  let expected: Expected = try! JSONDecoder().decode(
    Expected.self,
    from: Data(contentsOf: Fixtures.url("evaluation/seqeval/news.iob2.seqeval.json")))

  /// Rounded to 4 decimals, as the acceptance criterion compares.
  func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

  @Test("the fixture records seqeval 1.2.2 and the command that made it")
  func provenance() {
    #expect(expected.seqeval == "1.2.2")
    #expect(expected.command.contains("crosscheck.py"))
  }

  @Test("per-label, micro and macro P/R/F1 on an IOB2 file equal seqeval's to 4 decimals")
  func scores() throws {
    let report = CoverageEvaluator(tagger: F.tagger, labelMap: F.newsLabelMap).evaluate(
      try F.conll("news.iob2.conll"))
    #expect(report.schemes["news.iob2.conll"] == .iob2)
    #expect(report.exact.sortedLabels == expected.labels.keys.sorted())
    for (label, scores) in expected.labels {
      let ours = try #require(report.exact.labels[label])
      #expect(rounded(ours.precision) == rounded(scores.precision), "\(label) precision")
      #expect(rounded(ours.recall) == rounded(scores.recall), "\(label) recall")
      #expect(rounded(ours.f1) == rounded(scores.f1), "\(label) f1")
    }
    let micro = report.exact.micro
    #expect(rounded(micro.precision) == rounded(expected.micro.precision))
    #expect(rounded(micro.recall) == rounded(expected.micro.recall))
    #expect(rounded(micro.f1) == rounded(expected.micro.f1))
    let macro = report.exact.macro
    #expect(rounded(macro.precision) == rounded(expected.macro.precision))
    #expect(rounded(macro.recall) == rounded(expected.macro.recall))
    #expect(rounded(macro.f1) == rounded(expected.macro.f1))
  }

  @Test("the tagger's spans, written back as IOB2 tags of the tokens, are what seqeval scored")
  func predictions() throws {
    let corpus = try F.conll("news.iob2.conll")
    var tags: [[String]] = []
    for document in corpus.documents {
      var sentence = Array(repeating: "O", count: document.tokens.count)
      for span in F.tagger.spans(in: document.text) {
        guard let label = F.newsLabelMap.goldLabel(for: span.label) else { continue }
        let range = document.widenedToTokens(span.range(in: .codePoint))
        let touched = document.tokens.indices.filter { document.tokens[$0].range.overlaps(range) }
        for (position, index) in touched.enumerated() {
          sentence[index] = (position == 0 ? "B-" : "I-") + label
        }
      }
      tags.append(sentence)
    }
    #expect(tags == expected.y_pred)
  }

  @Test("tag sequences decode to the entities seqeval's get_entities finds")
  func chunks() throws {
    #expect(expected.chunks.count >= 10)
    for chunks in expected.chunks {
      let tags = try chunks.tags.map { try #require(CoNLLTag($0)) }
      let ours = CoNLLTag.chunks(in: tags).map { chunk -> [Expected.Entity] in
        [.type(chunk.type), .index(chunk.tokens.lowerBound), .index(chunk.tokens.upperBound - 1)]
      }
      #expect(ours == chunks.entities, "\(chunks.tags)")
    }
  }
}
