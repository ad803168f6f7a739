/// A problem with a gold-annotated corpus. Each message starts with the place (`file:line:`)
/// and says how to fix it.
///
/// The cases that name a line are diagnostics: the line is skipped or repaired as its case
/// says, counted in the coverage report, and the evaluation goes on (`--strict` makes them fail
/// the run). The others stop the evaluation.
public enum GoldError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A gold file or directory cannot be read.
  case unreadable(path: String, reason: String)
  /// A gold file is not well-formed UTF-8; `byteOffset` counts from the start of the file.
  case invalidUTF8(path: String, byteOffset: Int)
  /// The format of a gold file cannot be told from its name.
  case unknownFormat(path: String)
  /// A brat annotation file has no text file beside it.
  case missingBratText(annotations: String, text: String)
  /// A JSON Lines line is not a JSON object; the line is skipped.
  case invalidJSON(SourceLocation, reason: String)
  /// A JSON Lines record lacks a required field or has it with the wrong type; the record is
  /// skipped.
  case missingField(SourceLocation, field: String, expected: String)
  /// A gold span lacks `start`, `end` or `label`, or has them with the wrong type; the span is
  /// skipped.
  case invalidSpan(SourceLocation, index: Int, reason: String)
  /// A gold span's offsets are outside its text or empty; the span is skipped. Offsets count
  /// code points.
  case offsetsOutOfRange(SourceLocation, start: Int, end: Int, length: Int)
  /// A gold span's `text` differs from the text its offsets cover; the span is skipped.
  case spanTextMismatch(SourceLocation, expected: String, found: String)
  /// A CoNLL token line has no tag column; the token is read as `O`.
  case missingTagColumn(SourceLocation)
  /// A CoNLL tag is not `O` nor a prefix, a hyphen and a type (`-`, `I-`, `X-PER`); the token
  /// is read as `O`.
  case malformedTag(SourceLocation, tag: String)
  /// A CoNLL tag whose prefix the chosen scheme does not have (`E-PER` under IOB2); the token
  /// is read as `O`.
  case tagOutsideScheme(SourceLocation, tag: String, scheme: TagScheme)
  /// A brat entity with several fragments (`T1	LOC 0 5;9 14	…`); the entity is skipped.
  case discontinuousSpan(SourceLocation, id: String)
  /// A brat `T` line that cannot be read; the line is skipped.
  case malformedAnnotation(SourceLocation, reason: String)

  /// Whether the problem is confined to one line, which is skipped or repaired while the
  /// evaluation goes on.
  public var isDiagnostic: Bool {
    switch self {
    case .unreadable, .invalidUTF8, .unknownFormat, .missingBratText: false
    default: true
    }
  }

  /// The line the problem is on, for diagnostics; `nil` for a whole file.
  public var location: SourceLocation? {
    switch self {
    case .unreadable, .invalidUTF8, .unknownFormat, .missingBratText: nil
    case .invalidJSON(let location, _), .missingField(let location, _, _),
      .invalidSpan(let location, _, _), .offsetsOutOfRange(let location, _, _, _),
      .spanTextMismatch(let location, _, _), .missingTagColumn(let location),
      .malformedTag(let location, _), .tagOutsideScheme(let location, _, _),
      .discontinuousSpan(let location, _), .malformedAnnotation(let location, _):
      location
    }
  }

  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      "\(path): cannot read gold corpus: \(reason)"
    case .invalidUTF8(let path, let byteOffset):
      "\(path): byte \(byteOffset): invalid UTF-8; convert the file to UTF-8 (e.g. with iconv)"
    case .unknownFormat(let path):
      "\(path): cannot tell the gold format from the name (.jsonl, .conll or .ann)"
    case .missingBratText(let annotations, let text):
      "\(annotations): no text file \(text) beside it; brat needs the .txt and the .ann together"
    case .invalidJSON(let location, let reason):
      "\(location): not a JSON object (\(reason)); each line must be {\"text\": …, \"spans\": [{\"start\": …, \"end\": …, \"label\": …}]}"
    case .missingField(let location, let field, let expected):
      "\(location): no \(expected) field '\(field)'; each line must be {\"text\": …, \"spans\": [{\"start\": …, \"end\": …, \"label\": …}]}"
    case .invalidSpan(let location, let index, let reason):
      "\(location): span \(index + 1): \(reason); a span is {\"start\": …, \"end\": …, \"label\": …} with code-point offsets"
    case .offsetsOutOfRange(let location, let start, let end, let length):
      "\(location): span \(start)..<\(end) is empty or outside the text of \(length) code points; offsets count code points, end exclusive"
    case .spanTextMismatch(let location, let expected, let found):
      "\(location): span text '\(expected)' differs from the text at its offsets '\(found)'; offsets must count code points, end exclusive"
    case .missingTagColumn(let location):
      "\(location): no tag column; a token line is token<TAB>…<TAB>tag (read as O)"
    case .malformedTag(let location, let tag):
      "\(location): malformed tag '\(tag)'; a tag is O or a prefix (B, I, E, S, L, U), a hyphen and a type such as B-PER (read as O)"
    case .tagOutsideScheme(let location, let tag, let scheme):
      "\(location): tag '\(tag)' is not in the \(scheme.displayName) scheme, whose prefixes are \(scheme.prefixes.map(String.init).joined(separator: ", ")) (read as O)"
    case .discontinuousSpan(let location, let id):
      "\(location): entity \(id) has several fragments; discontinuous spans are not supported (skipped)"
    case .malformedAnnotation(let location, let reason):
      "\(location): \(reason); an entity line is T1<TAB>LABEL START END<TAB>text (skipped)"
    }
  }
}
