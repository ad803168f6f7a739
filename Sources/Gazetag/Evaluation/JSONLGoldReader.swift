import Foundation

/// Reads gold annotations in JSON Lines: one `{"text": …, "spans": [{"start": …, "end": …,
/// "label": …}]}` object per line, offsets in code points, end exclusive: the tag output's
/// schema plus the text.
///
/// A line that is not such an object is skipped with a diagnostic; so is a span with a
/// missing field, offsets outside the text, or a `text` that differs from what its offsets
/// cover (usually offsets counted in another unit). Other fields are ignored. Blank lines are
/// skipped.
public struct JSONLGoldReader: Sendable {
  /// The file's path as shown in diagnostics.
  public var file: String

  public init(file: String) {
    self.file = file
  }

  /// The documents of a JSON Lines file's text, with the problems found on the way.
  public func corpus(from text: String) -> GoldCorpus {
    var corpus = GoldCorpus()
    for (index, line) in text.goldLines.enumerated()
    where !line.allSatisfy(\.isWhitespace) {
      let location = SourceLocation(file: file, line: index + 1)
      do {
        corpus.documents.append(try document(from: line, at: location, corpus: &corpus))
      } catch {
        corpus.diagnostics.append(error)
      }
    }
    return corpus
  }

  private func document(
    from line: Substring, at location: SourceLocation, corpus: inout GoldCorpus
  ) throws(GoldError) -> GoldDocument {
    let object: [String: Any]
    do {
      guard
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      else { throw GoldError.invalidJSON(location, reason: "not an object") }
      object = parsed
    } catch let error as GoldError {
      throw error
    } catch {
      throw .invalidJSON(location, reason: "invalid JSON")
    }
    guard let text = object["text"] as? String else {
      throw .missingField(location, field: "text", expected: "string")
    }
    guard let rawSpans = object["spans"] as? [Any] else {
      throw .missingField(location, field: "spans", expected: "array")
    }
    let scalars = Array(text.unicodeScalars)
    var spans: [GoldSpan] = []
    for (index, rawSpan) in rawSpans.enumerated() {
      do {
        spans.append(try span(rawSpan, index: index, in: scalars, at: location))
      } catch {
        corpus.diagnostics.append(error)
      }
    }
    return GoldDocument(location: location, text: text, spans: spans)
  }

  private func span(
    _ raw: Any, index: Int, in scalars: [Unicode.Scalar], at location: SourceLocation
  ) throws(GoldError) -> GoldSpan {
    guard let object = raw as? [String: Any] else {
      throw .invalidSpan(location, index: index, reason: "not an object")
    }
    guard let start = Self.integer(object["start"]), let end = Self.integer(object["end"]) else {
      throw .invalidSpan(location, index: index, reason: "'start' and 'end' must be integers")
    }
    guard let label = object["label"] as? String, !label.isEmpty else {
      throw .invalidSpan(location, index: index, reason: "'label' must be a non-empty string")
    }
    guard 0 <= start, start < end, end <= scalars.count else {
      throw .offsetsOutOfRange(location, start: start, end: end, length: scalars.count)
    }
    let covered = String(String.UnicodeScalarView(scalars[start..<end]))
    if let stated = object["text"] as? String, stated != covered {
      throw .spanTextMismatch(location, expected: stated, found: covered)
    }
    return GoldSpan(start: start, end: end, label: label, location: location)
  }

  /// An integral JSON number as an `Int`; `nil` for anything else (strings, `true`, `1.5`).
  static func integer(_ value: Any?) -> Int? {
    // JSON booleans arrive as NSNumber too, of ObjC type `c` (char).
    guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else {
      return nil
    }
    let double = number.doubleValue
    guard double.rounded() == double, abs(double) < 1e15 else { return nil }
    return Int(double)
  }
}
