import Foundation
import Testing

@testable import Gazetag

/// The writers of the annotation-tool formats: CoNLL, brat, spaCy, Label Studio, and JSON Lines
/// with the text.
@Suite struct FormatWriterTests {
  static let gazetteer = try! Gazetteer(contentsOf: Fixtures.url("gazetteer"))
  let tagger = try! Tagger(gazetteer: gazetteer)
  // A name across a line break, a tab and a quote inside text, an emoji before the first span
  // (code point and UTF-16 offsets differ), and two sentences.
  let text = "😀 \"किम जोंग\nउन\" ने\tह्वासोंग-११ दागी। रूसी सैनिक\nडोनबास में।\n"

  func serialized(_ writer: some DocumentWriter, source: String = "news/a \"b\".txt") -> String {
    var copy = text
    var output: [UInt8] = []
    copy.withUTF8 { writer.write(tagging: $0, source: source, with: tagger, to: &output) }
    return String(decoding: output, as: UTF8.self)
  }

  @Test("CoNLL output matches its golden file", arguments: [TagScheme.iob2, .bioes, .iob1, .bilou])
  func conll(scheme: TagScheme) throws {
    try expectGolden(
      serialized(CoNLLWriter(scheme: scheme)), named: "small.\(scheme.rawValue).conll")
  }

  @Test("CoNLL read back gives the spans' labels on their tokens")
  func conllReadsBack() throws {
    for scheme in TagScheme.allCases {
      let corpus = CoNLLGoldReader(file: "x", scheme: scheme).corpus(
        from: serialized(CoNLLWriter(scheme: scheme)))
      #expect(corpus.diagnostics.isEmpty)
      let spans = corpus.documents.flatMap { document in
        document.spans.map { span in
          (
            String(
              String.UnicodeScalarView(
                document.text.unicodeScalars.dropFirst(span.start).prefix(span.end - span.start))),
            span.label
          )
        }
      }
      // A span's tokens, white space left out, joined by single spaces.
      let tokens = Tokenizer().tokens(in: text).filter { $0.kind != .whitespace }
      let expected = tagger.spans(in: text).map { span in
        let words = tokens.filter {
          $0.utf8Range.lowerBound >= span.start.utf8 && $0.utf8Range.upperBound <= span.end.utf8
        }.map { String(decoding: Array(text.utf8)[$0.utf8Range], as: UTF8.self) }
        return (words.joined(separator: " "), span.label)
      }
      #expect(spans.map(\.0) == expected.map(\.0), "\(scheme)")
      #expect(spans.map(\.1) == expected.map(\.1), "\(scheme)")
    }
  }

  @Test("a sentence never ends inside a span; documents are apart by -DOCSTART-")
  func conllSentences() throws {
    // ICU ends a sentence after "।" followed by a space.
    let writer = CoNLLWriter()
    var document = TaggedDocument(source: "s", text: "रूस। रूस", spans: tagger.spans(in: "रूस। रूस"))
    var output: [UInt8] = []
    writer.write(document, to: &output)
    #expect(String(decoding: output, as: UTF8.self) == "रूस\tB-COUNTRY\n।\tO\n\nरूस\tB-COUNTRY\n\n")
    // A span made to cross the break keeps both sentences together.
    document.spans = [
      EntitySpan(
        start: TextOffsets(utf8: 0, codePoint: 0, utf16: 0),
        end: TextOffsets(utf8: document.text.utf8.count, codePoint: 8, utf16: 8),
        text: document.text,
        entry: document.spans[0].entry)
    ]
    output = []
    writer.write(document, to: &output)
    #expect(
      String(decoding: output, as: UTF8.self)
        == "रूस\tB-COUNTRY\n।\tI-COUNTRY\nरूस\tI-COUNTRY\n\n")
    output = []
    try writer.writeOutput([document, document]) { output += $0 }
    #expect(
      String(decoding: output, as: UTF8.self).components(separatedBy: "-DOCSTART-\tO\n\n").count
        == 2)
  }

  @Test("brat output matches its golden file and reads back through the brat reader")
  func brat() throws {
    let output = serialized(BratWriter())
    try expectGolden(output, named: "small.ann")
    let corpus = BratGoldReader(annotationFile: "a.ann", textFile: "a.txt").corpus(
      text: text, annotations: output)
    // The name across a line break is written as two fragments, which the reader skips.
    #expect(corpus.diagnostics.count == 1)
    let spans = tagger.spans(in: text).filter { !$0.text.contains("\n") }
    #expect(corpus.documents[0].spans.map(\.start) == spans.map(\.start.codePoint))
    #expect(corpus.documents[0].spans.map(\.end) == spans.map(\.end.codePoint))
    #expect(corpus.documents[0].spans.map(\.label) == spans.map(\.label))
    #expect(
      output.contains(
        "T1\tPERSON 3 11;12 14\tकिम जोंग उन\n#1\tAnnotatorNotes T1\tperson:kim-jong-un\n")
    )
  }

  @Test("spaCy output matches its golden file; offsets are code points")
  func spacy() throws {
    let output = serialized(SpacyWriter())
    try expectGolden(output, named: "small.spacy.jsonl")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    #expect(object["text"] as? String == text)
    #expect(object["title"] as? String == "news/a \"b\".txt")
    let ents = try #require(object["ents"] as? [[String: Any]])
    let spans = tagger.spans(in: text)
    #expect(ents.map { $0["start"] as? Int } == spans.map(\.start.codePoint))
    #expect(ents.map { $0["end"] as? Int } == spans.map(\.end.codePoint))
    #expect(ents.map { $0["kb_id"] as? String } == spans.map(\.entry.id))
  }

  @Test("Label Studio output is a tasks array with labels predictions")
  func labelStudio() throws {
    let writer = LabelStudioWriter(fromName: "ner", toName: "body")
    let documents = ["रूस ने कहा", "", text].map {
      TaggedDocument(source: "d.txt", text: $0, spans: tagger.spans(in: $0))
    }
    var output: [UInt8] = []
    try writer.writeOutput(documents) { output += $0 }
    try expectGolden(String(decoding: output, as: UTF8.self), named: "small.label-studio.json")
    let tasks = try #require(
      try JSONSerialization.jsonObject(with: Data(output)) as? [[String: Any]])
    #expect(tasks.count == 3)
    for (task, document) in zip(tasks, documents) {
      let data = try #require(task["data"] as? [String: Any])
      #expect(data["text"] as? String == document.text)
      let predictions = try #require(task["predictions"] as? [[String: Any]])
      #expect(predictions.count == 1)
      #expect(predictions[0]["model_version"] as? String == "gazetag")
      let results = try #require(predictions[0]["result"] as? [[String: Any]])
      #expect(results.count == document.spans.count)
      for (result, span) in zip(results, document.spans) {
        #expect(result["from_name"] as? String == "ner")
        #expect(result["to_name"] as? String == "body")
        #expect(result["type"] as? String == "labels")
        #expect(result["id"] is String)
        let value = try #require(result["value"] as? [String: Any])
        let start = try #require(value["start"] as? Int)
        let end = try #require(value["end"] as? Int)
        // Python string offsets: code points.
        let covered = String(
          String.UnicodeScalarView(
            document.text.unicodeScalars.dropFirst(start).prefix(end - start)))
        #expect(value["text"] as? String == covered)
        #expect(value["labels"] as? [String] == [span.label])
      }
    }
    var empty: [UInt8] = []
    try writer.writeOutput([]) { empty += $0 }
    #expect(try JSONSerialization.jsonObject(with: Data(empty)) as? [Any] != nil)
  }

  @Test("JSON Lines with text is JSON Lines with the text after the source")
  func jsonlWithText() throws {
    let output = serialized(JSONLTextWriter(offsets: .utf16))
    var plain = ""
    JSONLWriter(offsets: .utf16).write(
      TaggedDocument(source: "news/a \"b\".txt", text: text, spans: tagger.spans(in: text)),
      to: &plain)
    let prefix = #"{"source":"news/a \"b\".txt","#
    #expect(plain.hasPrefix(prefix))
    #expect(output == prefix + #""text":"# + text.jsonQuoted + "," + plain.dropFirst(prefix.count))
  }

  @Test("renamed labels change the spans' labels after resolution, and nothing else")
  func renamedLabels() throws {
    let renamed = try Tagger(
      gazetteer: Self.gazetteer,
      options: TaggerOptions(renamedLabels: ["PLACE": "GPE", "COUNTRY": "GPE"]))
    let before = tagger.spans(in: text)
    let after = renamed.spans(in: text)
    #expect(after.map(\.start) == before.map(\.start))
    #expect(after.map(\.end) == before.map(\.end))
    #expect(after.map(\.entry.id) == before.map(\.entry.id))
    #expect(
      after.map(\.label)
        == before.map { ["PLACE", "COUNTRY"].contains($0.label) ? "GPE" : $0.label })
    #expect(renamed.spanLabels.map(\.name) == ["PERSON", "WEAPON", "GPE", "NORP"])
    // "जॉर्डन" is both a COUNTRY (priority 30) and a PLACE (20): priorities still decide.
    #expect(renamed.spans(in: "जॉर्डन").map(\.entry.id) == ["JO"])
    #expect(renamed.spans(in: "जॉर्डन").map(\.label) == ["GPE"])
  }

  @Test("sentences cover the text and end after a danda and a space")
  func sentences() {
    var text = "रूस ने कहा। फिर क्या? ठीक है\nनई पंक्ति"
    let sentences = text.withUTF8 { SentenceBreaker.sentences(inUTF8: $0) }
    let pieces = sentences.map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }
    #expect(pieces == ["रूस ने कहा। ", "फिर क्या? ", "ठीक है\n", "नई पंक्ति"])
    var empty = ""
    #expect(empty.withUTF8 { SentenceBreaker.sentences(inUTF8: $0) }.isEmpty)
    // More sentences than a first guess of one per 16 bytes.
    var short = String(repeating: "क।\n", count: 100)
    let many = short.withUTF8 { SentenceBreaker.sentences(inUTF8: $0) }
    #expect(many.count == 100)
    #expect(many.last?.upperBound == short.utf8.count)
  }
}
