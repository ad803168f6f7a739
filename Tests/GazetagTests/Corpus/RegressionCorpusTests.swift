import Foundation
import Testing

@testable import Gazetag

/// The regression corpus `corpus/regression.jsonl`: sentences written for this project with
/// hand-checked gold spans (`{"text": …, "spans": [{"start", "end", "label"}]}`, code points).
@Suite struct RegressionCorpusTests {
  struct Sentence {
    /// The line of the corpus file, from 1.
    var line: Int
    var text: String
    var spans: [MarkedText.Mark]
  }

  static let corpus = Fixtures.repositoryRoot.appendingPathComponent("corpus/regression.jsonl")

  static func sentences() throws -> [Sentence] {
    let lines = try Fixtures.text(of: corpus).split(separator: "\n")
    return try lines.enumerated().map { index, line in
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        "line \(index + 1) is not a JSON object")
      let text = try #require(object["text"] as? String, "line \(index + 1) has no text")
      let spans = try #require(object["spans"] as? [[String: Any]], "line \(index + 1): spans")
      return Sentence(
        line: index + 1, text: text,
        spans: try spans.map {
          MarkedText.Mark(
            start: try #require($0["start"] as? Int), end: try #require($0["end"] as? Int),
            label: try #require($0["label"] as? String))
        })
    }
  }

  @Test("the corpus is well formed: 30+ sentences, spans in order, inside the text, bundled labels")
  func wellFormed() throws {
    let sentences = try Self.sentences()
    #expect(sentences.count >= 30)
    #expect(sentences.contains { $0.spans.isEmpty }, "some sentences must have no names")
    let labels = Set(Gazetteer.bundled.labels.map(\.name))
    for sentence in sentences {
      let length = sentence.text.unicodeScalars.count
      var previousEnd = 0
      for span in sentence.spans {
        #expect(
          previousEnd <= span.start && span.start < span.end && span.end <= length,
          "line \(sentence.line): span \(span) out of order or outside the text")
        #expect(labels.contains(span.label), "line \(sentence.line): unknown label \(span.label)")
        previousEnd = span.end
      }
    }
  }

  @Test("the bundled gazetteer finds exactly the gold spans of every sentence")
  func bundledGazetteerMatchesGold() throws {
    let tagger = try Tagger(gazetteer: .bundled)
    for sentence in try Self.sentences() {
      let found = tagger.spans(in: sentence.text).map {
        MarkedText.Mark(start: $0.start.codePoint, end: $0.end.codePoint, label: $0.label)
      }
      guard found != sentence.spans else { continue }
      let scalars = Array(sentence.text.unicodeScalars)
      func show(_ marks: [MarkedText.Mark]) -> String {
        marks.map {
          "\($0.label) '\(String(String.UnicodeScalarView(scalars[$0.start..<$0.end])))' \($0.start)..<\($0.end)"
        }.joined(separator: ", ")
      }
      let missed = sentence.spans.filter { !found.contains($0) }
      let extra = found.filter { !sentence.spans.contains($0) }
      Issue.record(
        """
        corpus/regression.jsonl:\(sentence.line): \(sentence.text)
          missed: \(show(missed))
          not in the gold: \(show(extra))
        """)
    }
  }
}
