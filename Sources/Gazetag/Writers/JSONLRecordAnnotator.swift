import Foundation

/// Tags JSON Lines records in place: each record comes out byte for byte as it came in, with a
/// `spans` field added before its closing brace. This is what lets `gazetag` run as a Spark
/// `RDD.pipe` or Hadoop Streaming stage.
public struct JSONLRecordAnnotator: Sendable {
  /// Why a record could not be tagged.
  public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The line is not a JSON object.
    case notAnObject
    /// The record lacks the text field or it is not a string.
    case missingTextField(String)
    /// The record already has a `spans` field.
    case hasSpans

    public var description: String {
      switch self {
      case .notAnObject: "not a JSON object"
      case .missingTextField(let field):
        "no string field '\(field)'; name the text field with --text-field"
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

  public init(tagger: Tagger, textField: String = "text", offsets: OffsetUnit = .codePoint) {
    self.tagger = tagger
    self.textField = textField
    self.writer = JSONLWriter(offsets: offsets)
  }

  /// The record `line` (without its line break) with `spans` added.
  public func annotate(_ line: String) throws(Failure) -> String {
    guard
      let object = try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [])
        as? [String: Any]
    else { throw .notAnObject }
    guard let text = object[textField] as? String else { throw .missingTextField(textField) }
    guard object["spans"] == nil else { throw .hasSpans }
    var body = Substring(line)
    while let last = body.last, last.isWhitespace { body.removeLast() }
    guard body.last == "}" else { throw .notAnObject }
    body.removeLast()
    var output = String(body)
    output += ",\"spans\":["
    var utf8 = text
    let spans = utf8.withUTF8 { tagger.spanBatch(inUTF8: $0) }
    writer.write(spans, first: 0, source: "") { output += String(decoding: $0, as: UTF8.self) }
    output += "]}"
    return output
  }
}
