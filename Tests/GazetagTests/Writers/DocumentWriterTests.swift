import Foundation
import Testing

@testable import Gazetag

@Suite struct DocumentWriterTests {
  static let gazetteer = try! Gazetteer(contentsOf: Fixtures.url("gazetteer"))
  let tagger = try! Tagger(gazetteer: gazetteer)
  let texts = ["किम जोंग उन ने ह्वासोंग-११ दागी", "", "रूसी सैनिक\nडोनबास में।"]

  var documents: [TaggedDocument] {
    texts.enumerated().map { index, text in
      TaggedDocument(source: "d\(index).txt", text: text, spans: tagger.spans(in: text))
    }
  }

  static let writers: [any DocumentWriter] = [
    JSONLWriter(), TSVWriter(offsets: .utf16), HTMLWriter(gazetteer: gazetteer),
  ]

  @Test("tagging through a writer writes what writing the tagged document does")
  func taggingEqualsDocument() {
    for writer in Self.writers {
      for (text, document) in zip(texts, documents) {
        var expected: [UInt8] = []
        writer.write(document, to: &expected)
        var actual: [UInt8] = []
        var copy = text
        copy.withUTF8 {
          writer.write(tagging: $0, source: document.source, with: tagger, to: &actual)
        }
        #expect(actual == expected, "\(writer.fileExtension)")
      }
    }
  }

  @Test("a span writer's output is its documents one after the other")
  func spanWriterOutput() throws {
    for writer in [JSONLWriter() as any SpanWriter, TSVWriter()] {
      var expected = ""
      for document in documents { writer.write(document, to: &expected) }
      var actual: [UInt8] = []
      try writer.writeOutput(documents) { actual += $0 }
      #expect(String(decoding: actual, as: UTF8.self) == expected)
      #expect(writer.needs.isEmpty)
    }
  }

  @Test("an HTML output is one page of every document, a document alone one page")
  func htmlOutput() throws {
    let writer = HTMLWriter(gazetteer: Self.gazetteer, indexPath: "../index.html")
    #expect(writer.needs.contains(.allDocuments))
    var expected = ""
    writer.writePage(documents, indexPath: "../index.html", to: &expected)
    var actual: [UInt8] = []
    try writer.writeOutput(documents) { actual += $0 }
    #expect(String(decoding: actual, as: UTF8.self) == expected)
    var alone = ""
    writer.writePage([documents[0]], indexPath: "../index.html", to: &alone)
    var single: [UInt8] = []
    writer.write(documents[0], to: &single)
    #expect(String(decoding: single, as: UTF8.self) == alone)
  }

  @Test("a document carries the tokenizer's tokens only when they are needed")
  func tokensWhenNeeded() {
    var text = texts[2]
    let plain = text.withUTF8 { tagger.document(source: "s", utf8: $0) }
    #expect(plain.tokens == nil)
    let tokenized = text.withUTF8 { tagger.document(source: "s", utf8: $0, needs: .tokens) }
    #expect(tokenized.tokens == Tokenizer().tokens(in: text))
    #expect(tokenized.spans == tagger.spans(in: text))
    #expect(tokenized.text == text)
  }
}
