/// The unit in which a span's `start` and `end` count positions of the original text.
public enum OffsetUnit: String, CaseIterable, Sendable {
  /// Unicode scalar values (code points): what Python's `text[start:end]`, spaCy and brat use.
  case codePoint = "codepoint"
  /// UTF-8 bytes of the original input.
  case utf8
  /// UTF-16 code units: what JavaScript, Java and the DOM use.
  case utf16
}
