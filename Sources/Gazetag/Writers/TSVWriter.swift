/// Writes one line per span, no header: `source`, `start`, `end`, `label`, `text`, `id`,
/// tab-separated. Tabs, line breaks and backslashes inside a field are written as `\t`, `\n`,
/// `\r` and `\\`, so every span stays on one line.
public struct TSVWriter: SpanWriter {
  /// The unit of `start` and `end`.
  public var offsets: OffsetUnit

  public init(offsets: OffsetUnit = .codePoint) {
    self.offsets = offsets
  }

  public func beginDocument(source: String, to output: inout String) {}

  public func write(_ span: EntitySpan, index: Int, source: String, to output: inout String) {
    let range = span.range(in: offsets)
    output += "\(Self.escaped(source))\t\(range.lowerBound)\t\(range.upperBound)"
    output += "\t\(Self.escaped(span.label))\t\(Self.escaped(span.text))"
    output += "\t\(Self.escaped(span.entry.id))\n"
  }

  public func endDocument(source: String, to output: inout String) {}

  static func escaped(_ field: String) -> String {
    guard field.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C })
    else { return field }
    var result = ""
    for scalar in field.unicodeScalars {
      switch scalar {
      case "\t": result += "\\t"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\\": result += "\\\\"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
