/// A tagged input: where it came from, its text and the spans found in it.
public struct TaggedDocument: Sendable {
  /// The input's path as the user gave it, or `-` for standard input.
  public var source: String
  /// The document's original text.
  public var text: String
  /// The spans found, ordered by start.
  public var spans: [EntitySpan]

  public init(source: String, text: String, spans: [EntitySpan]) {
    self.source = source
    self.text = text
    self.spans = spans
  }
}
