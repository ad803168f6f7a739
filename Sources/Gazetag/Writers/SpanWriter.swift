/// Serializes tagged documents in one output format, span by span, so that a document can be
/// written while it is still being tagged: a ``DocumentWriter`` that needs nothing of a
/// document but its source and spans, whose documents need no separator, and whose outputs
/// have no beginning or end of their own.
public protocol SpanWriter: DocumentWriter {
  /// Appends what comes before a document's spans.
  func beginDocument(source: String, to output: inout String)
  /// Appends one span; `index` counts the document's spans from 0.
  func write(_ span: EntitySpan, index: Int, source: String, to output: inout String)
  /// Appends consecutive spans, the first of which has index `first` in the document.
  func write(_ spans: [EntitySpan], first: Int, source: String, to output: inout String)
  /// Writes consecutive spans as UTF-8 to `sink`, in pieces of a few dozen KB, the first span
  /// having index `first` in the document. A writer serializes a batch fastest here, straight
  /// from its records; by default the spans are made and written by the `[EntitySpan]`
  /// method. The bytes passed to `sink` are valid only during the call.
  func write(
    _ spans: SpanBatch, first: Int, source: String, to sink: (UnsafeBufferPointer<UInt8>) -> Void)
  /// Appends what comes after a document's spans.
  func endDocument(source: String, to output: inout String)
  /// Appends `document`'s whole serialization to `output` (by default: beginning, spans, end).
  func write(_ document: TaggedDocument, to output: inout String)
}

extension SpanWriter {
  public func write(_ spans: [EntitySpan], first: Int, source: String, to output: inout String) {
    for (offset, span) in spans.enumerated() {
      write(span, index: first + offset, source: source, to: &output)
    }
  }

  public func write(
    _ spans: SpanBatch, first: Int, source: String, to sink: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    var text = ""
    write(Array(spans), first: first, source: source, to: &text)
    text.withUTF8(sink)
  }

  /// Appends a whole document, its beginning, `spans` and end, as UTF-8.
  public func write(source: String, spans: SpanBatch, to output: inout [UInt8]) {
    var opening = ""
    beginDocument(source: source, to: &opening)
    output += opening.utf8
    write(spans, first: 0, source: source) { output.append(contentsOf: $0) }
    var closing = ""
    endDocument(source: source, to: &closing)
    output += closing.utf8
  }

  /// Appends `document`'s beginning, spans and end to `output`, as UTF-8.
  public func write(_ document: TaggedDocument, to output: inout [UInt8]) {
    write(source: document.source, spans: SpanBatch(document.spans), to: &output)
  }

  /// Tags `text` and appends its beginning, spans and end, straight from the tagger's batch.
  public func write(
    tagging text: UnsafeBufferPointer<UInt8>, source: String, with tagger: Tagger,
    to output: inout [UInt8]
  ) {
    write(source: source, spans: tagger.spanBatch(inUTF8: text), to: &output)
  }

  /// Appends `document`'s beginning, spans and end to `output`.
  public func write(_ document: TaggedDocument, to output: inout String) {
    beginDocument(source: document.source, to: &output)
    for (index, span) in document.spans.enumerated() {
      write(span, index: index, source: document.source, to: &output)
    }
    endDocument(source: document.source, to: &output)
  }
}
