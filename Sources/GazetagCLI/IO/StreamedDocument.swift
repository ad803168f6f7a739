import Gazetag

/// One document written span by span while it is being tagged. Nothing reaches the sink
/// before the first span (or the end), so a document that fails early leaves no output; with
/// a ``HeldOutput``, nothing reaches it before the end, so a document that fails leaves none.
final class StreamedDocument {
  private let source: String
  private let writer: any SpanWriter
  private let sink: OutputSink
  private var held: HeldOutput?
  private var written = 0
  /// Whether the document's opening has been written (or held).
  private(set) var hasBegun = false

  /// - Parameter held: where the output waits for ``end()``; `nil` to write it as it comes.
  init(source: String, writer: any SpanWriter, sink: OutputSink, holding held: HeldOutput? = nil) {
    self.source = source
    self.writer = writer
    self.sink = sink
    self.held = held
  }

  /// Writes `spans`, which follow the spans written before.
  func add(_ spans: SpanBatch) throws {
    guard !spans.isEmpty else { return }
    var text = ""
    begin(&text)
    try emit(text)
    var failure: (any Error)?
    writer.write(spans, first: written, source: source) { bytes in
      guard failure == nil else { return }
      do {
        try emit(bytes)
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
    written += spans.count
  }

  /// Writes the document's end (and its opening, if no span came), and what was held.
  func end() throws {
    var text = ""
    begin(&text)
    writer.endDocument(source: source, to: &text)
    try emit(text)
    try held?.release(to: sink)
    held = nil
    try sink.flush()
  }

  /// Ends a document whose input failed: held output is dropped, so the document leaves
  /// nothing; output already written is closed, so that what was written stays well-formed.
  func abandon() throws {
    if held != nil {
      held = nil
    } else if hasBegun {
      try end()
    }
  }

  private func begin(_ text: inout String) {
    if !hasBegun {
      writer.beginDocument(source: source, to: &text)
      hasBegun = true
    }
  }

  private func emit(_ text: String) throws {
    var text = text
    try text.withUTF8(emit)
  }

  private func emit(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    if let held { try held.write(bytes) } else { try sink.write(buffer: bytes) }
  }
}
