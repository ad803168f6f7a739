import Foundation

@testable import Gazetag

/// The coverage tests' gazetteer, gold corpora and label map
/// (`Tests/GazetagTests/Fixtures/evaluation`).
enum EvaluationFixtures {
  /// The fixture gazetteer, its files named `gazetteer/…` in diagnostics and reports so that
  /// no path of the machine ends up in a golden file.
  static let gazetteer: Gazetteer = {
    let directory = Fixtures.url("evaluation/gazetteer")
    return try! Gazetteer.directory(named: "gazetteer") { name throws(GazetteerError) in
      try Gazetteer.readText(directory.appendingPathComponent(name).path)
    }
  }()

  static let tagger = try! Tagger(gazetteer: gazetteer)

  /// The map from the news corpus's gold labels (PER, LOC, ORG, NORP) to the gazetteer's;
  /// WEAPON is left out, so weapon spans are ignored.
  static let newsLabelMap = LabelMap(pairs: [
    .init(gold: "PER", ours: "PERSON"), .init(gold: "LOC", ours: "PLACE"),
    .init(gold: "LOC", ours: "COUNTRY"), .init(gold: "ORG", ours: "ORG"),
    .init(gold: "NORP", ours: "NORP"),
  ])

  /// A file of `Fixtures/evaluation` read as a CoNLL corpus named by its file name.
  static func conll(_ name: String, scheme: TagScheme? = nil) throws -> GoldCorpus {
    var corpus = CoNLLGoldReader(file: name, scheme: scheme).corpus(
      from: try Fixtures.text(of: Fixtures.url("evaluation/\(name)")))
    corpus.files = [name]
    return corpus
  }

  /// A corpus of one document per marked text (`"⟦रूस⟧LOC में"`), as if read from `gold.jsonl`.
  static func marked(_ texts: String...) -> GoldCorpus {
    GoldCorpus(
      documents: texts.enumerated().map { index, marked in
        let text = MarkedText(marked)
        let location = SourceLocation(file: "gold.jsonl", line: index + 1)
        return GoldDocument(
          location: location, text: text.text,
          spans: text.marks.map {
            GoldSpan(start: $0.start, end: $0.end, label: $0.label, location: location)
          })
      }, files: ["gold.jsonl"])
  }
}
