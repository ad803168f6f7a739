/// Writes one JSON object per line and document in displaCy's manual format, which spaCy's
/// `Doc` takes apart as well: `{"text": …, "ents": [{"start", "end", "label", "kb_id"}, …],
/// "title": …}`. Offsets count code points, which are Python string offsets; `kb_id` is the
/// entry's id and `title` the document's source.
public struct SpacyWriter: DocumentWriter {
  public init() {}

  public var fileExtension: String { "jsonl" }

  public var needs: DocumentNeeds { [.text] }

  public func write(_ document: TaggedDocument, to output: inout [UInt8]) {
    var line = #"{"text":"# + document.text.jsonQuoted + #","ents":["#
    for (index, span) in document.spans.enumerated() {
      if index > 0 { line += "," }
      line += #"{"start":\#(span.start.codePoint),"end":\#(span.end.codePoint),"label":"#
      line += span.label.jsonQuoted + #","kb_id":"# + span.entry.id.jsonQuoted + "}"
    }
    line += #"],"title":"# + document.source.jsonQuoted + "}\n"
    output += line.utf8
  }
}
