import Foundation
import Testing

@testable import Gazetag

@Suite struct WriterTests {
  static let gazetteer = try! Gazetteer(contentsOf: Fixtures.url("gazetteer"))
  let tagger = try! Tagger(gazetteer: gazetteer)
  let text = "😀 \"किम जोंग उन\" ने\tह्वासोंग-११ दागी; ⟨रूसी⟩ \\ सैनिक\nडोनबास में।"

  var document: TaggedDocument {
    TaggedDocument(source: "news/a \"b\".txt", text: text, spans: tagger.spans(in: text))
  }

  @Test("JSONL output matches its golden file", arguments: OffsetUnit.allCases)
  func jsonl(unit: OffsetUnit) throws {
    var output = ""
    JSONLWriter(offsets: unit).write(document, to: &output)
    try expectGolden(output, named: "small.\(unit.rawValue).jsonl")
  }

  @Test("JSONL output parses back to the spans")
  func jsonlParses() throws {
    var output = ""
    JSONLWriter().write(document, to: &output)
    #expect(output.hasSuffix("}\n"))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    #expect(object["source"] as? String == "news/a \"b\".txt")
    let spans = try #require(object["spans"] as? [[String: Any]])
    #expect(spans.map { $0["text"] as? String } == document.spans.map(\.text))
    #expect(spans.map { $0["start"] as? Int } == document.spans.map(\.start.codePoint))
  }

  @Test("TSV output matches its golden file")
  func tsv() throws {
    var output = ""
    TSVWriter().write(document, to: &output)
    try expectGolden(output, named: "small.tsv")
  }

  @Test("TSV fields keep tabs and line breaks on one line")
  func tsvEscapes() {
    #expect(TSVWriter.escaped("a\tb\nc\\d\re") == "a\\tb\\nc\\\\d\\re")
    #expect(TSVWriter.escaped("plain") == "plain")
  }

  @Test("JSON strings escape quotes, backslashes and control characters only")
  func jsonEscapes() {
    #expect("a\"b\\c\n\u{1}\u{2028}क".jsonQuoted == "\"a\\\"b\\\\c\\n\\u0001\\u2028क\"")
  }
}
