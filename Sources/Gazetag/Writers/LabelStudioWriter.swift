/// Writes a Label Studio tasks file: a JSON array with one task per document,
/// `{"data": {"text": …, "source": …}, "predictions": [{"model_version": "gazetag",
/// "result": [{"id", "from_name", "to_name", "type": "labels", "value": {"start", "end",
/// "text", "labels": [label]}}, …]}]}`, to import as pre-annotations. Offsets count code
/// points, as Label Studio's (Python string) offsets do. Result ids are `e1`, `e2`, … within a
/// task.
public struct LabelStudioWriter: DocumentWriter {
  /// The `name` of the labelling config's `<Labels>` control (`from_name`).
  public var fromName: String
  /// The `name` of the config's `<Text>` object the labels apply to (`to_name`).
  public var toName: String
  /// The predictions' `model_version`.
  public var modelVersion: String

  public init(fromName: String = "label", toName: String = "text", modelVersion: String = "gazetag")
  {
    self.fromName = fromName
    self.toName = toName
    self.modelVersion = modelVersion
  }

  public var fileExtension: String { "json" }

  public var needs: DocumentNeeds { [.text] }

  public func beginOutput(to output: inout [UInt8]) {
    output += "[\n".utf8
  }

  public func separate(to output: inout [UInt8]) {
    output += ",\n".utf8
  }

  public func write(_ document: TaggedDocument, to output: inout [UInt8]) {
    var task = #"{"data":{"text":"# + document.text.jsonQuoted
    task += #","source":"# + document.source.jsonQuoted + "},"
    task += #""predictions":[{"model_version":"# + modelVersion.jsonQuoted + #","result":["#
    let names =
      #","from_name":"# + fromName.jsonQuoted + #","to_name":"# + toName.jsonQuoted
      + #","type":"labels","value":{"start":"#
    for (index, span) in document.spans.enumerated() {
      if index > 0 { task += "," }
      task += #"{"id":"e\#(index + 1)""# + names
      task += #"\#(span.start.codePoint),"end":\#(span.end.codePoint),"text":"#
      task += span.text.jsonQuoted + #","labels":["# + span.label.jsonQuoted + "]}}"
    }
    task += "]}]}"
    output += task.utf8
  }

  public func endOutput(to output: inout [UInt8]) {
    output += "\n]\n".utf8
  }
}
