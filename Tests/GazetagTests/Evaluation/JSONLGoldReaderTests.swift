import Testing

@testable import Gazetag

@Suite struct JSONLGoldReaderTests {
  func read(_ text: String) -> GoldCorpus {
    JSONLGoldReader(file: "gold.jsonl").corpus(from: text)
  }

  @Test("records give documents; offsets count code points, also past an emoji")
  func records() {
    let corpus = read(
      """
      {"id": 7, "text": "😀 रूस और यूक्रेन", "spans": [{"start": 2, "end": 5, "label": "LOC", "text": "रूस"}, {"start": 9, "end": 16, "label": "LOC"}]}

      {"text": "कुछ नहीं", "spans": []}\r
      """)
    #expect(corpus.diagnostics.isEmpty)
    #expect(corpus.documents.map(\.location.description) == ["gold.jsonl:1", "gold.jsonl:3"])
    let spans = corpus.documents[0].spans
    #expect(spans.map(\.range) == [2..<5, 9..<16])
    #expect(spans.map(\.label) == ["LOC", "LOC"])
    #expect(corpus.documents[1].spans.isEmpty)
  }

  @Test("a bad record is skipped and a bad span dropped, each named file:line")
  func problems() {
    let corpus = read(
      """
      not json
      [1, 2]
      {"spans": []}
      {"text": "रूस", "spans": {}}
      {"text": "रूस", "spans": [{"start": 0, "end": 9, "label": "LOC"}, {"start": 0, "end": 3}]}
      {"text": "रूस", "spans": [{"start": true, "end": 3, "label": "LOC"}, {"start": 0.5, "end": 3, "label": "LOC"}]}
      {"text": "😀 रूस", "spans": [{"start": 1, "end": 4, "label": "LOC", "text": "रूस"}, {"start": 2, "end": 2, "label": "LOC"}]}
      """)
    #expect(corpus.documents.count == 3)
    #expect(corpus.documents.allSatisfy { $0.spans.isEmpty })
    #expect(
      corpus.diagnostics.map(\.description) == [
        #"gold.jsonl:1: not a JSON object (invalid JSON); each line must be {"text": …, "spans": [{"start": …, "end": …, "label": …}]}"#,
        #"gold.jsonl:2: not a JSON object (not an object); each line must be {"text": …, "spans": [{"start": …, "end": …, "label": …}]}"#,
        #"gold.jsonl:3: no string field 'text'; each line must be {"text": …, "spans": [{"start": …, "end": …, "label": …}]}"#,
        #"gold.jsonl:4: no array field 'spans'; each line must be {"text": …, "spans": [{"start": …, "end": …, "label": …}]}"#,
        "gold.jsonl:5: span 0..<9 is empty or outside the text of 3 code points; offsets count code points, end exclusive",
        #"gold.jsonl:5: span 2: 'label' must be a non-empty string; a span is {"start": …, "end": …, "label": …} with code-point offsets"#,
        #"gold.jsonl:6: span 1: 'start' and 'end' must be integers; a span is {"start": …, "end": …, "label": …} with code-point offsets"#,
        #"gold.jsonl:6: span 2: 'start' and 'end' must be integers; a span is {"start": …, "end": …, "label": …} with code-point offsets"#,
        "gold.jsonl:7: span text 'रूस' differs from the text at its offsets ' रू'; offsets must count code points, end exclusive",
        "gold.jsonl:7: span 2..<2 is empty or outside the text of 5 code points; offsets count code points, end exclusive",
      ])
  }
}
