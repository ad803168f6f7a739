/// Writes one JSON object per document: `{"source": …, "spans": [{"start", "end", "label",
/// "text", "id", "name"}, …]}`, plus `"designator"` on spans of a designator family, and
/// `"rule"` (and `"guessed": true` for a guess) on spans a context rule made.
///
/// Output is built as bytes, because a large document has hundreds of thousands of spans and
/// string interpolation costs more than the tagging.
public struct JSONLWriter: SpanWriter {
  /// The unit of `start` and `end`.
  public var offsets: OffsetUnit

  public init(offsets: OffsetUnit = .codePoint) {
    self.offsets = offsets
  }

  public var fileExtension: String { "jsonl" }

  public func beginDocument(source: String, to output: inout String) {
    var bytes = ByteBuffer(capacity: source.utf8.count + 32)
    appendBeginning(source: source, to: &bytes)
    output += bytes.withBytes { String(decoding: $0, as: UTF8.self) }
  }

  public func write(_ span: EntitySpan, index: Int, source: String, to output: inout String) {
    write(SpanBatch([span]), first: index, source: source) {
      output += String(decoding: $0, as: UTF8.self)
    }
  }

  public func write(_ spans: [EntitySpan], first: Int, source: String, to output: inout String) {
    write(SpanBatch(spans), first: first, source: source) {
      output += String(decoding: $0, as: UTF8.self)
    }
  }

  public func write(
    _ spans: SpanBatch, first: Int, source: String, to sink: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    guard !spans.isEmpty else { return }
    // Spans gather in a small buffer that stays in cache and goes to the sink when full.
    let flushSize = 1 << 16
    var bytes = ByteBuffer(capacity: flushSize + 4096)
    spans.withParts { records, texts, entries in
      var touched = 0
      for index in records.indices {
        if index & 31 == 0 {
          // Read the entries of the next 32 spans in a tight loop first: their loads are
          // independent, so their cache misses overlap instead of stalling span by span.
          for ahead in index..<min(index + 32, records.count) {
            touched &+= Int(entries[records[ahead].entry].name.utf8.first ?? 0)
          }
        }
        if first + index > 0 { bytes.append(UInt8(ascii: ",")) }
        append(records[index], texts: texts, entries: entries, to: &bytes)
        if bytes.count >= flushSize {
          bytes.withBytes(sink)
          bytes.removeAll()
        }
      }
      // Keeps the reads ahead from being optimized away.
      if touched == Int.min { bytes.append(UInt8(ascii: " ")) }
    }
    bytes.withBytes(sink)
  }

  public func endDocument(source: String, to output: inout String) {
    output += "]}\n"
  }

  public func write(_ document: TaggedDocument, to output: inout String) {
    var bytes: [UInt8] = []
    write(source: document.source, spans: SpanBatch(document.spans), to: &bytes)
    output += String(decoding: bytes, as: UTF8.self)
  }

  private func appendBeginning(source: String, to bytes: inout ByteBuffer) {
    bytes.append(#"{"source":"#)
    bytes.appendJSONQuoted(source)
    bytes.append(#","spans":["#)
  }

  /// Appends the span of `record`, whose text lies in `texts` and whose entry in `entries`.
  private func append(
    _ record: SpanBatch.Record, texts: UnsafeBufferPointer<UInt8>,
    entries: SpanBatch.Entries, to bytes: inout ByteBuffer
  ) {
    let entry = record.entry
    let textEnd = record.textStart &+ Int(record.textLength)
    bytes.append(#"{"start":"#)
    bytes.appendDecimal(record.start[offsets])
    bytes.append(#","end":"#)
    bytes.appendDecimal(record.end[offsets])
    bytes.append(#","label":"#)
    bytes.appendJSONQuoted(entries[entry].label)
    bytes.append(#","text":"#)
    bytes.appendJSONQuoted(utf8: UnsafeBufferPointer(rebasing: texts[record.textStart..<textEnd]))
    bytes.append(#","id":"#)
    bytes.appendJSONQuoted(entries[entry].id)
    bytes.append(#","name":"#)
    bytes.appendJSONQuoted(entries[entry].name)
    if record.designatorLength >= 0 {
      bytes.append(#","designator":"#)
      bytes.appendJSONQuoted(
        utf8: UnsafeBufferPointer(
          rebasing: texts[textEnd..<(textEnd &+ Int(record.designatorLength))]))
    }
    if let made = entries.made(entry) {
      bytes.append(#","rule":"#)
      bytes.appendJSONQuoted(made.rule)
      if made.isGuessed { bytes.append(#","guessed":true"#) }
    }
    bytes.append(UInt8(ascii: "}"))
  }
}
