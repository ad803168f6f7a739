/// Writes one JSON object per document: `{"source": …, "spans": [{"start", "end", "label",
/// "text", "id", "name"}, …]}`, plus `"designator"` on spans of a designator family.
public struct JSONLWriter: SpanWriter {
  /// The unit of `start` and `end`.
  public var offsets: OffsetUnit

  public init(offsets: OffsetUnit = .codePoint) {
    self.offsets = offsets
  }

  public func beginDocument(source: String, to output: inout String) {
    output += "{\"source\":\(source.jsonQuoted),\"spans\":["
  }

  public func write(_ span: EntitySpan, index: Int, source: String, to output: inout String) {
    let range = span.range(in: offsets)
    if index > 0 { output += "," }
    output += "{\"start\":\(range.lowerBound),\"end\":\(range.upperBound)"
    output += ",\"label\":\(span.label.jsonQuoted),\"text\":\(span.text.jsonQuoted)"
    output += ",\"id\":\(span.entry.id.jsonQuoted),\"name\":\(span.entry.name.jsonQuoted)"
    if let designator = span.designator {
      output += ",\"designator\":\(designator.jsonQuoted)"
    }
    output += "}"
  }

  public func endDocument(source: String, to output: inout String) {
    output += "]}\n"
  }

  /// Appends the JSON array of `spans`.
  public func writeSpans(_ spans: [EntitySpan], to output: inout String) {
    output += "["
    for (index, span) in spans.enumerated() {
      write(span, index: index, source: "", to: &output)
    }
    output += "]"
  }
}
