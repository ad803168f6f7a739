/// Writes one JSON object per document: `{"source": …, "spans": [{"start", "end", "label",
/// "text", "id", "name"}, …]}`, plus `"designator"` on spans of a designator family.
public struct JSONLWriter: SpanWriter {
  /// The unit of `start` and `end`.
  public var offsets: OffsetUnit

  public init(offsets: OffsetUnit = .codePoint) {
    self.offsets = offsets
  }

  public func write(_ document: TaggedDocument, to output: inout String) {
    output += "{\"source\":\(document.source.jsonQuoted),\"spans\":"
    writeSpans(document.spans, to: &output)
    output += "}\n"
  }

  /// Appends the JSON array of `spans`.
  public func writeSpans(_ spans: [EntitySpan], to output: inout String) {
    output += "["
    for (index, span) in spans.enumerated() {
      if index > 0 { output += "," }
      let range = span.range(in: offsets)
      output += "{\"start\":\(range.lowerBound),\"end\":\(range.upperBound)"
      output += ",\"label\":\(span.label.jsonQuoted),\"text\":\(span.text.jsonQuoted)"
      output += ",\"id\":\(span.entry.id.jsonQuoted),\"name\":\(span.entry.name.jsonQuoted)"
      if let designator = span.designator {
        output += ",\"designator\":\(designator.jsonQuoted)"
      }
      output += "}"
    }
    output += "]"
  }
}
