/// Writes JSON Lines as ``JSONLWriter`` does, with the document's text after its source:
/// `{"source": …, "text": …, "spans": […]}`. Since the text comes before the spans, a document
/// is written once it has been tagged whole, not span by span.
public struct JSONLTextWriter: DocumentWriter {
  /// The unit of `start` and `end`.
  public var offsets: OffsetUnit

  public init(offsets: OffsetUnit = .codePoint) {
    self.offsets = offsets
  }

  public var fileExtension: String { "jsonl" }

  public var needs: DocumentNeeds { [.text] }

  public func write(_ document: TaggedDocument, to output: inout [UInt8]) {
    var text = document.text
    text.withUTF8 {
      write(text: $0, source: document.source, spans: SpanBatch(document.spans), to: &output)
    }
  }

  public func write(
    tagging text: UnsafeBufferPointer<UInt8>, source: String, with tagger: Tagger,
    to output: inout [UInt8]
  ) {
    write(text: text, source: source, spans: tagger.spanBatch(inUTF8: text), to: &output)
  }

  private func write(
    text: UnsafeBufferPointer<UInt8>, source: String, spans: SpanBatch, to output: inout [UInt8]
  ) {
    var opening = ByteBuffer(capacity: text.count + source.utf8.count + 32)
    opening.append(#"{"source":"#)
    opening.appendJSONQuoted(source)
    opening.append(#","text":"#)
    opening.appendJSONQuoted(utf8: text)
    opening.append(#","spans":["#)
    opening.withBytes { output.append(contentsOf: $0) }
    JSONLWriter(offsets: offsets).write(spans, first: 0, source: source) {
      output.append(contentsOf: $0)
    }
    output += "]}\n".utf8
  }
}
