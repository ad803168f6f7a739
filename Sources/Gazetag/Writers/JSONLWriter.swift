/// Writes one JSON object per document: `{"source": …, "spans": [{"start", "end", "label",
/// "text", "id", "name"}, …]}`, plus `"designator"` on spans of a designator family.
///
/// Output is built as bytes, because a large document has hundreds of thousands of spans and
/// string interpolation costs more than the tagging.
public struct JSONLWriter: SpanWriter {
  /// The unit of `start` and `end`.
  public var offsets: OffsetUnit

  public init(offsets: OffsetUnit = .codePoint) {
    self.offsets = offsets
  }

  public func beginDocument(source: String, to output: inout String) {
    var bytes = ByteBuffer(capacity: source.utf8.count + 32)
    appendBeginning(source: source, to: &bytes)
    output += bytes.withBytes { String(decoding: $0, as: UTF8.self) }
  }

  public func write(_ span: EntitySpan, index: Int, source: String, to output: inout String) {
    var bytes = ByteBuffer(capacity: 192)
    if index > 0 { bytes.append(UInt8(ascii: ",")) }
    [span].withUnsafeBufferPointer { append($0, 0, to: &bytes) }
    output += bytes.withBytes { String(decoding: $0, as: UTF8.self) }
  }

  public func write(_ spans: [EntitySpan], first: Int, source: String, to output: inout String) {
    guard !spans.isEmpty else { return }
    var bytes = ByteBuffer(capacity: spans.count * 160 + 1)
    if first > 0 { bytes.append(UInt8(ascii: ",")) }
    appendSpans(spans, to: &bytes)
    output += bytes.withBytes { String(decoding: $0, as: UTF8.self) }
  }

  public func endDocument(source: String, to output: inout String) {
    output += "]}\n"
  }

  public func write(_ document: TaggedDocument, to output: inout String) {
    var bytes = ByteBuffer(capacity: document.spans.count * 160 + 64)
    appendBeginning(source: document.source, to: &bytes)
    appendSpans(document.spans, to: &bytes)
    bytes.append("]}\n")
    output += bytes.withBytes { String(decoding: $0, as: UTF8.self) }
  }

  /// Appends the JSON array of `spans`.
  public func writeSpans(_ spans: [EntitySpan], to output: inout String) {
    var bytes = ByteBuffer(capacity: spans.count * 160 + 2)
    bytes.append(UInt8(ascii: "["))
    appendSpans(spans, to: &bytes)
    bytes.append(UInt8(ascii: "]"))
    output += bytes.withBytes { String(decoding: $0, as: UTF8.self) }
  }

  private func appendBeginning(source: String, to bytes: inout ByteBuffer) {
    bytes.append(#"{"source":"#)
    bytes.appendJSONQuoted(source)
    bytes.append(#","spans":["#)
  }

  /// Appends `spans` separated by commas, without brackets.
  private func appendSpans(_ spans: [EntitySpan], to bytes: inout ByteBuffer) {
    // Fields are read in place: copying an EntitySpan retains a dozen references.
    spans.withUnsafeBufferPointer { spans in
      for index in spans.indices {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        append(spans, index, to: &bytes)
      }
    }
  }

  /// Appends `spans[index]`, reading its fields in place: copying an `EntitySpan` would cost
  /// reference counts.
  private func append(
    _ spans: UnsafeBufferPointer<EntitySpan>, _ index: Int, to bytes: inout ByteBuffer
  ) {
    bytes.append(#"{"start":"#)
    bytes.appendDecimal(spans[index].start[offsets])
    bytes.append(#","end":"#)
    bytes.appendDecimal(spans[index].end[offsets])
    bytes.append(#","label":"#)
    bytes.appendJSONQuoted(spans[index].entry.label)
    bytes.append(#","text":"#)
    bytes.appendJSONQuoted(spans[index].text)
    bytes.append(#","id":"#)
    bytes.appendJSONQuoted(spans[index].entry.id)
    bytes.append(#","name":"#)
    bytes.appendJSONQuoted(spans[index].entry.name)
    if let designator = spans[index].designator {
      bytes.append(#","designator":"#)
      bytes.appendJSONQuoted(designator)
    }
    bytes.append(UInt8(ascii: "}"))
  }
}
