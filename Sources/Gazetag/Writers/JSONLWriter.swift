/// Writes one JSON object per document: `{"source": …, "spans": [{"start", "end", "label",
/// "text", "id", "name"}, …]}`, plus `"designator"` on spans of a designator family.
public struct JSONLWriter: SpanWriter {
  /// The unit of `start` and `end`.
  public var offsets: OffsetUnit

  public init(offsets: OffsetUnit = .codePoint) {
    self.offsets = offsets
  }

  public func write(_ document: TaggedDocument, to output: inout String) {
    var bytes = ByteBuffer(capacity: document.spans.count * 160 + 64)
    bytes.append(#"{"source":"#)
    bytes.appendJSONQuoted(document.source)
    bytes.append(#","spans":"#)
    appendSpans(document.spans, to: &bytes)
    bytes.append("}\n")
    output += bytes.withBytes { String(decoding: $0, as: UTF8.self) }
  }

  /// Appends the JSON array of `spans`.
  public func writeSpans(_ spans: [EntitySpan], to output: inout String) {
    var bytes = ByteBuffer(capacity: spans.count * 160 + 2)
    appendSpans(spans, to: &bytes)
    output += bytes.withBytes { String(decoding: $0, as: UTF8.self) }
  }

  /// Appends the JSON array of `spans` as UTF-8: built as bytes, because a large document has
  /// hundreds of thousands of spans and string interpolation costs more than the tagging.
  func appendSpans(_ spans: [EntitySpan], to bytes: inout ByteBuffer) {
    bytes.append(UInt8(ascii: "["))
    // Fields are read in place: copying an EntitySpan retains a dozen references.
    spans.withUnsafeBufferPointer { spans in
      for index in spans.indices {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
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
    bytes.append(UInt8(ascii: "]"))
  }
}
