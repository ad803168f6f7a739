import Testing

@testable import Gazetag

/// The compact batch against the spans it stands for.
@Suite struct SpanBatchTests {
  static let gazetteer = try! Gazetteer(contentsOf: Fixtures.url("gazetteer"))
  let tagger = try! Tagger(gazetteer: gazetteer)
  let text = "😀 किम जोंग उन ने ह्वासोंग-११ दागी; रूसी सैनिक डोनबास में। फिर ह्वासोंग-23ए और डोनबास"

  func batch(_ text: String) -> SpanBatch {
    var text = text
    return text.withUTF8 { tagger.spanBatch(inUTF8: $0) }
  }

  @Test("a batch reads back as the spans: text, offsets, entry and designator")
  func readsBack() {
    let spans = Array(batch(text))
    #expect(spans.map(\.text) == ["किम जोंग उन", "ह्वासोंग-११", "रूसी", "डोनबास", "ह्वासोंग-23ए", "डोनबास"])
    #expect(spans.map(\.designator) == [nil, "11", nil, nil, "23ए", nil])
    let scalars = Array(text.unicodeScalars)
    for span in spans {
      #expect(String(String.UnicodeScalarView(scalars[span.range(in: .codePoint)])) == span.text)
      #expect(Self.gazetteer.entries.contains(span.entry))
    }
  }

  @Test("joining the batches of two pieces, the second shifted, gives the whole text's batch")
  func joinsShifted() {
    let cut = text.utf8.firstIndex(of: UInt8(ascii: ";"))!
    let first = String(text[..<cut])
    let second = String(text[cut...])
    var joined = batch(first)
    var rest = batch(second)
    rest.shift(
      by: Array(first.utf8).withUnsafeBufferPointer { TextOffsets.zero.advanced(over: $0) })
    joined.append(contentsOf: rest)
    #expect(Array(joined) == Array(batch(text)))
    var empty = SpanBatch(entries: Self.gazetteer.entries)
    empty.append(contentsOf: joined)
    #expect(Array(empty) == Array(joined))
  }

  @Test("spanBatch in pieces on several threads equals the batch of the whole text")
  func pieces() {
    let long = Array(repeating: text, count: 400).joined(separator: "\n")
    var bytes = long
    let parallel = bytes.withUTF8 {
      tagger.spanBatch(inUTF8: $0, jobs: 3, base: .zero, minimumPiece: 4096)
    }
    #expect(Array(parallel) == Array(batch(long)))
    #expect(parallel.count == 2400)
  }

  @Test("a batch of rule-made spans alone, which names no entry, joins a batch that does")
  func joinsMadeOnly() {
    let tagger = try! Tagger(
      compiled: .bundled, options: TaggerOptions(rules: .only(["title-person"])))
    func batch(_ text: String) -> SpanBatch {
      var text = text
      return text.withUTF8 { tagger.spanBatch(inUTF8: $0) }
    }
    let first = "श्री रामलाल ने कहा। "
    let whole = first + "रूस में"
    var joined = batch(first)
    #expect(joined.count == 1 && joined.entries.isEmpty)
    var rest = batch("रूस में")
    rest.shift(
      by: Array(first.utf8).withUnsafeBufferPointer { TextOffsets.zero.advanced(over: $0) })
    joined.append(contentsOf: rest)
    #expect(Array(joined).map(\.text) == ["रामलाल", "रूस"])
    #expect(Array(joined) == Array(batch(whole)))
  }
}
