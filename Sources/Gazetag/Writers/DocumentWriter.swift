/// Serializes tagged documents in one output format. Every output format of the library is a
/// document writer; those that can write a document span by span, while it is still being
/// tagged, are also ``SpanWriter``s.
///
/// An *output* (a file, or standard output) holds one or more documents:
/// ``beginOutput(to:)``, then each document (``write(_:to:)``) with ``separate(to:)`` between
/// two of them, then ``endOutput(to:)``. A writer whose ``needs`` contain
/// ``DocumentNeeds/allDocuments`` cannot write documents one by one into a shared output; it
/// is given all of them at once by ``writeOutput(_:to:)``, which by default does the steps
/// above. The serialization of a document never depends on its place in the output, so
/// documents can be serialized in parallel and joined in order.
public protocol DocumentWriter: Sendable {
  /// The extension of a file holding this format, without the dot (`jsonl`).
  var fileExtension: String { get }
  /// What documents given to the writer must carry besides their source and spans.
  var needs: DocumentNeeds { get }
  /// Appends what comes before an output's first document.
  func beginOutput(to output: inout [UInt8])
  /// Appends what stands between two documents of an output.
  func separate(to output: inout [UInt8])
  /// Appends one document's serialization, as UTF-8.
  func write(_ document: TaggedDocument, to output: inout [UInt8])
  /// Appends what comes after an output's last document.
  func endOutput(to output: inout [UInt8])
  /// Writes a whole output of `documents` to `sink` in parts; the bytes passed to `sink` are
  /// valid only during the call.
  func writeOutput(
    _ documents: [TaggedDocument], to sink: (UnsafeBufferPointer<UInt8>) throws -> Void) throws
  /// Tags `text` with `tagger` and appends the document's serialization, computing only what
  /// ``needs`` asks for (a ``SpanWriter`` writes straight from the tagger's ``SpanBatch``).
  ///
  /// - Parameter text: the document's text, valid UTF-8.
  func write(
    tagging text: UnsafeBufferPointer<UInt8>, source: String, with tagger: Tagger,
    to output: inout [UInt8])
}

extension DocumentWriter {
  public var needs: DocumentNeeds { [] }

  public func beginOutput(to output: inout [UInt8]) {}

  public func separate(to output: inout [UInt8]) {}

  public func endOutput(to output: inout [UInt8]) {}

  public func writeOutput(
    _ documents: [TaggedDocument], to sink: (UnsafeBufferPointer<UInt8>) throws -> Void
  ) throws {
    var output: [UInt8] = []
    beginOutput(to: &output)
    for (index, document) in documents.enumerated() {
      if index > 0 { separate(to: &output) }
      write(document, to: &output)
      if output.count >= 1 << 16 {
        try output.withUnsafeBufferPointer(sink)
        output.removeAll(keepingCapacity: true)
      }
    }
    endOutput(to: &output)
    try output.withUnsafeBufferPointer(sink)
  }

  public func write(
    tagging text: UnsafeBufferPointer<UInt8>, source: String, with tagger: Tagger,
    to output: inout [UInt8]
  ) {
    write(tagger.document(source: source, utf8: text, needs: needs), to: &output)
  }
}
