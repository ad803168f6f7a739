import Foundation

/// Tags JSON Lines records in place: each record comes out byte for byte as it came in, with a
/// `spans` field added before its closing brace. This is what lets `gazetag` run as a Spark
/// `RDD.pipe` or Hadoop Streaming stage.
public struct JSONLRecordAnnotator: Sendable {
  /// Why a record could not be tagged.
  public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The line is not a JSON object.
    case notAnObject
    /// The line starts as a JSON object but is not valid JSON; `byte` counts from the start of
    /// the line, from 0.
    case invalidJSON(byte: Int, problem: String)
    /// The record lacks the text field or it is not a string.
    case missingTextField(String)
    /// The record already has a `spans` field.
    case hasSpans

    public var description: String {
      switch self {
      case .notAnObject: "not a JSON object"
      case .invalidJSON(let byte, let problem): "byte \(byte) of the line: invalid JSON: \(problem)"
      case .missingTextField(let field):
        "no string field '\(field)'"
      case .hasSpans: "the record already has a \"spans\" field; remove it before tagging"
      }
    }
  }

  /// The tagger that finds the spans.
  public var tagger: Tagger
  /// The name of the field that holds the text.
  public var textField: String
  /// The writer that formats the `spans` array; its offsets count within the text field.
  public var writer: JSONLWriter
  /// A text longer than this many bytes is tagged in chunks of this size, in bounded memory.
  public var chunkSize: Int
  /// How many chunks of a long text are tagged in parallel.
  public var jobs: Int

  public init(
    tagger: Tagger, textField: String = "text", offsets: OffsetUnit = .codePoint,
    chunkSize: Int = 4 << 20, jobs: Int = 1
  ) {
    precondition(chunkSize > 0 && jobs > 0)
    self.tagger = tagger
    self.textField = textField
    self.writer = JSONLWriter(offsets: offsets)
    self.chunkSize = chunkSize
    self.jobs = jobs
  }

  /// The record `line` (without its line break) with `spans` added.
  public func annotate(_ line: String) throws(Failure) -> String {
    var output: [UInt8] = []
    let bytes = Array(line.utf8)
    try bytes.withUnsafeBufferPointer { bytes in
      Result { () throws(Failure) in
        try annotate(utf8: bytes) { output.append(contentsOf: $0) }
      }
    }.get()
    return String(decoding: output, as: UTF8.self)
  }

  /// Writes the record `line` (well-formed UTF-8, without its line break) to `output` with
  /// `spans` added: the line byte for byte, with `,"spans":[…]` inserted before the object's
  /// closing brace. Span offsets count in the text field's string as a JSON reader decodes it
  /// (``JSONStringDecoder``).
  ///
  /// - Throws: before anything is written, when the record cannot be tagged.
  /// - Complexity: O(*n*) in the length of `line`; a text longer than ``chunkSize`` is tagged
  ///   in chunks, so that memory beyond the line stays bounded.
  public func annotate(
    utf8 line: UnsafeBufferPointer<UInt8>, to output: (UnsafeBufferPointer<UInt8>) -> Void
  ) throws(Failure) {
    let record = try JSONRecordScanner(field: textField).scan(line)
    guard let text = record.text else { throw .missingTextField(textField) }
    guard !record.hasSpans else { throw .hasSpans }
    output(UnsafeBufferPointer(rebasing: line[..<record.closingBrace]))
    write(#","spans":["#, to: output)
    // Spans are written as they become final, so that a long text's are never all held.
    var written = 0
    forEachBatch(in: UnsafeBufferPointer(rebasing: line[text])) { spans in
      writer.write(spans, first: written, source: "", to: output)
      written += spans.count
    }
    write("]", to: output)
    output(UnsafeBufferPointer(rebasing: line[record.closingBrace...]))
  }

  /// The text field of the record `line` (well-formed UTF-8, without its line break) as a JSON
  /// reader decodes it (``JSONStringDecoder``), as UTF-8: what a writer of another format than
  /// JSON Lines tags as the record's document. A record that already has `spans` is accepted.
  ///
  /// - Throws: when the line is not a JSON object or has no string field ``textField``.
  public func text(ofRecord line: UnsafeBufferPointer<UInt8>) throws(Failure) -> [UInt8] {
    let record = try JSONRecordScanner(field: textField).scan(line)
    guard let text = record.text else { throw .missingTextField(textField) }
    return JSONStringDecoder.decode(UnsafeBufferPointer(rebasing: line[text]))
  }

  /// Calls `body` with the spans, in order, of the JSON string whose contents (between the
  /// quotes) are `raw`.
  private func forEachBatch(
    in raw: UnsafeBufferPointer<UInt8>, _ body: (SpanBatch) -> Void
  ) {
    if raw.count <= chunkSize {
      guard raw.contains(UInt8(ascii: "\\")) else { return body(tagger.spanBatch(inUTF8: raw)) }
      return JSONStringDecoder.decode(raw).withUnsafeBufferPointer {
        body(tagger.spanBatch(inUTF8: $0))
      }
    }
    var streaming = StreamingTagger(tagger: tagger, chunkSize: chunkSize, jobs: jobs)
    JSONStringDecoder.decode(raw, pieceSize: min(chunkSize, 1 << 20)) {
      body(streaming.append($0))
    }
    body(streaming.finish())
  }

  private func write(_ text: StaticString, to output: (UnsafeBufferPointer<UInt8>) -> Void) {
    output(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }
}
