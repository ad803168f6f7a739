/// Writes one line per span, no header: `source`, `start`, `end`, `label`, `text`, `id`,
/// tab-separated; a span a context rule made has a seventh field, the rule's id, and a guess
/// an eighth, `guessed`. Tabs, line breaks and backslashes inside a field are written as `\t`, `\n`,
/// `\r` and `\\`, and the other characters that end a line for Python's `str.splitlines()`
/// as `\v` (VT), `\f` (FF), `\u001c`, `\u001d`, `\u001e`, `\u0085` (NEL), `\u2028` and
/// `\u2029` (line and paragraph separator), so every span stays on one line for every reader.
public struct TSVWriter: SpanWriter {
  /// The unit of `start` and `end`.
  public var offsets: OffsetUnit

  public init(offsets: OffsetUnit = .codePoint) {
    self.offsets = offsets
  }

  public var fileExtension: String { "tsv" }

  public func beginDocument(source: String, to output: inout String) {}

  public func write(_ span: EntitySpan, index: Int, source: String, to output: inout String) {
    let range = span.range(in: offsets)
    output += "\(Self.escaped(source))\t\(range.lowerBound)\t\(range.upperBound)"
    output += "\t\(Self.escaped(span.label))\t\(Self.escaped(span.text))"
    output += "\t\(Self.escaped(span.entry.id))"
    if let rule = span.rule {
      output += "\t\(Self.escaped(rule))"
      if span.isGuessed { output += "\tguessed" }
    }
    output += "\n"
  }

  public func endDocument(source: String, to output: inout String) {}

  static func escaped(_ field: String) -> String {
    // Every character to escape has a UTF-8 byte below 0x20, a backslash, or a lead byte 0xC2
    // (U+0085) or 0xE2 (U+2028, U+2029): Devanagari text (lead byte 0xE0) is copied as it is.
    guard field.utf8.contains(where: { $0 < 0x20 || $0 == 0x5C || $0 == 0xC2 || $0 == 0xE2 })
    else { return field }
    var result = ""
    for scalar in field.unicodeScalars {
      switch scalar {
      case "\t": result += "\\t"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\u{0B}": result += "\\v"
      case "\u{0C}": result += "\\f"
      case "\\": result += "\\\\"
      case "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}", "\u{2029}":
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
