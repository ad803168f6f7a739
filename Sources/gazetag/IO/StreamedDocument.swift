import Gazetag

/// One document written span by span while it is being tagged. Nothing reaches the sink
/// before the first span (or the end), so a document that fails early leaves no output.
final class StreamedDocument {
  private let source: String
  private let writer: any SpanWriter
  private let sink: OutputSink
  private var written = 0
  /// Whether the document's opening has been written.
  private(set) var hasBegun = false

  init(source: String, writer: any SpanWriter, sink: OutputSink) {
    self.source = source
    self.writer = writer
    self.sink = sink
  }

  /// Writes `spans`, which follow the spans written before.
  func add(_ spans: SpanBatch) throws {
    guard !spans.isEmpty else { return }
    var text = ""
    begin(&text)
    try sink.write(text)
    var failure: (any Error)?
    writer.write(spans, first: written, source: source) { bytes in
      guard failure == nil else { return }
      do {
        try sink.write(buffer: bytes)
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
    written += spans.count
  }

  /// Writes the document's end (and its opening, if no span came).
  func end() throws {
    var text = ""
    begin(&text)
    writer.endDocument(source: source, to: &text)
    try sink.write(text)
    try sink.flush()
  }

  private func begin(_ text: inout String) {
    if !hasBegun {
      writer.beginDocument(source: source, to: &text)
      hasBegun = true
    }
  }
}
