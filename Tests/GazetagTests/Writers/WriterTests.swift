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

  @Test(
    "a span batch is written byte for byte as its spans are",
    arguments: [OffsetUnit.codePoint, .utf8, .utf16])
  func batchEqualsSpans(unit: OffsetUnit) throws {
    // Fields that need escaping, in the entry and in the matched text.
    let entries = [
      GazetteerEntry(
        id: "q\"1\\", label: "L\t", name: "क\"ख", aliases: ["क\"ख", "ह्वासोंग-#"],
        location: SourceLocation(file: "test", line: 1)),
      GazetteerEntry(
        id: "", label: "M", name: "गग", location: SourceLocation(file: "test", line: 2)),
    ]
    let tagger = try Tagger(
      gazetteer: Gazetteer(
        labels: [LabelDefinition(name: "L\t"), LabelDefinition(name: "M")], entries: entries,
        profile: .standard))
    let text = Array(repeating: "गग क\"ख ह्वासोंग-२३ए \u{2028} 😀 गग", count: 3000).joined(
      separator: "\n")
    var copy = text
    let batch = copy.withUTF8 { tagger.spanBatch(inUTF8: $0) }
    #expect(batch.count == 12_000)
    for writer in [JSONLWriter(offsets: unit) as any SpanWriter, TSVWriter(offsets: unit)] {
      var expected = ""
      writer.write(
        TaggedDocument(source: "s", text: text, spans: tagger.spans(in: text)), to: &expected)
      var bytes: [UInt8] = []
      writer.write(source: "s", spans: batch, to: &bytes)
      #expect(String(decoding: bytes, as: UTF8.self) == expected)
      // In two parts, the second continuing the first's span count.
      var parts: [UInt8] = []
      var opening = ""
      writer.beginDocument(source: "s", to: &opening)
      parts += opening.utf8
      var pieces = 0
      writer.write(Self.slice(batch, 0..<5000), first: 0, source: "s") {
        parts += $0
        pieces += 1
      }
      writer.write(Self.slice(batch, 5000..<batch.count), first: 5000, source: "s") {
        parts += $0
        pieces += 1
      }
      var closing = ""
      writer.endDocument(source: "s", to: &closing)
      parts += closing.utf8
      #expect(parts == bytes)
      // The JSON Lines writer hands its output over in pieces of about 64 KB.
      if writer is JSONLWriter { #expect(pieces > 10) }
    }
  }

  /// The spans of `batch` in `range`, as a batch of their own.
  static func slice(_ batch: SpanBatch, _ range: Range<Int>) -> SpanBatch {
    var result = SpanBatch(entries: batch.entries)
    for record in batch.records[range] {
      batch.withText(of: record) { text, designator in
        result.append(
          start: record.start, end: record.end, entry: record.entry, text: text,
          designator: designator)
      }
    }
    return result
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

  @Test("TSV fields escape every character that ends a line for Python's str.splitlines()")
  func tsvLineSeparators() {
    #expect(
      TSVWriter.escaped("a\u{0B}b\u{0C}c\u{1C}d\u{1D}e\u{1E}f\u{85}g\u{2028}h\u{2029}i")
        == "a\\vb\\fc\\u001cd\\u001de\\u001ef\\u0085g\\u2028h\\u2029i")
    // Other characters with the same UTF-8 lead bytes, and other controls, stay as they are.
    #expect(TSVWriter.escaped("\u{A0}\u{2013}\u{2060}\u{1}क") == "\u{A0}\u{2013}\u{2060}\u{1}क")
  }

  @Test(
    "TSV output with line separators inside names, paragraph separators around them, matches its golden file"
  )
  func tsvSeparatorsGolden() throws {
    // A paragraph separator ends a name (GazetteerFormat.md), so it stands between names here
    // and in the source.
    let text = "किम\u{2028}जोंग\u{0B}उन ने\u{0C}ह्वासोंग\u{85}११ दागी;\u{2029}रूसी\u{1E}डोनबास"
    let document = TaggedDocument(
      source: "news/a\u{1C}b\u{85}\u{2029}.txt", text: text, spans: tagger.spans(in: text))
    #expect(document.spans.count == 4)
    var output = ""
    TSVWriter().write(document, to: &output)
    try expectGolden(output, named: "separators.tsv")
    // Each span is one line, also where every separator of str.splitlines() ends a line.
    let breaks: Set<Unicode.Scalar> = [
      "\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}",
      "\u{2029}",
    ]
    #expect(output.unicodeScalars.filter(breaks.contains).count == document.spans.count)
  }

  @Test("JSON strings escape quotes, backslashes and control characters only")
  func jsonEscapes() {
    #expect("a\"b\\c\n\u{1}\u{2028}क".jsonQuoted == "\"a\\\"b\\\\c\\n\\u0001\\u2028क\"")
  }
}
